import { builtInProviders } from "@/lib/providers/builtin";
import type { ProviderDefinition } from "@/lib/providers/types";
import type { Matcher } from "./grouping";
import { MAX_START_GAP_MS, assess, describe, type Assessment, type DetectionLookup, type MatchRecord } from "./matcher/evidence";

/**
 * The same workout recorded by several sources (a watch's run that Garmin has and Strava mirrors,
 * a WHOOP strap that detected it minutes late, a Terra relay whose clock is off by whole hours)
 * forms one group; the feed shows its primary. Whether two records are one workout is a weighing
 * of evidence (see matcher/evidence.ts); this module turns that into the grouping's matcher.
 */
export type { Assessment, DetectionLookup, MatchRecord } from "./matcher/evidence";

/** Detection timing by provider id, from the providers' own definitions (data, never a provider's name in code). */
export function detectionLookup(definitions: readonly Pick<ProviderDefinition, "id" | "detection">[]): DetectionLookup {
  const byId = new Map(definitions.flatMap((d) => (d.detection ? [[d.id, d.detection] as const] : [])));
  return (provider) => byId.get(provider);
}

export interface DedupMatcher<T extends MatchRecord = MatchRecord> extends Matcher<T> {
  /** The full weighing of a pair, for callers that want more than a sentence. */
  assess(a: T, b: T): Assessment;
  explain(a: T, b: T): string;
  isPartOf(piece: T, whole: T): boolean;
}

export function createMatcher<T extends MatchRecord = MatchRecord>(options: { detection?: DetectionLookup } = {}): DedupMatcher<T> {
  const detection = options.detection ?? (() => undefined);
  return {
    // Clock shifts of up to ±14 h, found to two minutes, bound which starts are compared.
    windowMs: MAX_START_GAP_MS,
    score(a, b) {
      const result = assess(a, b, detection);
      return result.relation === "apart" ? null : result.score;
    },
    assess: (a, b) => assess(a, b, detection),
    explain: (a, b) => describe(assess(a, b, detection)),
    isPartOf(piece, whole) {
      const result = assess(piece, whole, detection);
      return result.relation !== "apart" && result.piece === "a";
    },
  };
}

/** The matcher the regrouping uses: detection timing from the built-in providers' definitions. */
export const defaultMatcher: DedupMatcher = createMatcher({ detection: detectionLookup(builtInProviders.map((m) => m.definition)) });

/** Whether two records are one workout, by the default matcher. */
export function isSameWorkout(a: MatchRecord, b: MatchRecord, matcher: DedupMatcher = defaultMatcher): boolean {
  return matcher.score(a, b) !== null;
}

/** Why two records are (or are not) one workout, as a short sentence. */
export function explainMatch(a: MatchRecord, b: MatchRecord, matcher: DedupMatcher = defaultMatcher): string {
  return matcher.explain(a, b);
}
