import { builtInProviders } from "@/lib/providers/builtin";
import type { ProviderDefinition } from "@/lib/providers/types";
import type { Matcher } from "./grouping";
import { MAX_START_GAP_MS, assess, couldMatch, describe, sportsCouldMatch, type Assessment, type DetectionLookup, type MatchRecord } from "./matcher/evidence";

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
  // Grouping asks about one pair several times (link, piece, reason); records are immutable while
  // grouped, so each ordered pair is weighed once.
  const weighed = new WeakMap<T, WeakMap<T, Assessment>>();
  const assessed = (a: T, b: T): Assessment => {
    let row = weighed.get(a);
    if (!row) weighed.set(a, (row = new WeakMap()));
    let result = row.get(b);
    if (!result) row.set(b, (result = assess(a, b, detection)));
    return result;
  };
  return {
    // Clock shifts of up to ±14 h, found to two minutes, bound which starts are compared.
    windowMs: MAX_START_GAP_MS,
    mayLink: (a, b) => couldMatch(a, b) && sportsCouldMatch(a, b),
    score(a, b) {
      if (!couldMatch(a, b) || !sportsCouldMatch(a, b)) return null;
      const result = assessed(a, b);
      return result.relation === "apart" ? null : result.score;
    },
    assess: assessed,
    explain: (a, b) => describe(assessed(a, b)),
    isPartOf(piece, whole) {
      if (!couldMatch(piece, whole)) return false;
      const result = assessed(piece, whole);
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
