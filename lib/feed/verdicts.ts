import type { GroupMember, LinkTimes, Matcher } from "./grouping";

/**
 * A person's verdicts override the matcher: "same" links two records whatever the evidence says,
 * "different" keeps them apart. Records are named by provider and provider id, which outlive the
 * rows (a reconnect re-creates them with new ids).
 */
export type Verdict = "same" | "different";

export interface VerdictRow {
  recordA: string;
  recordB: string;
  verdict: Verdict;
}

export function recordKey(record: { provider: string; providerActivityId: string }): string {
  return `${record.provider}:${record.providerActivityId}`;
}

/** The stored order of a pair: the smaller key first. */
export function verdictPair(a: { provider: string; providerActivityId: string }, b: { provider: string; providerActivityId: string }): { recordA: string; recordB: string } {
  const [x, y] = [recordKey(a), recordKey(b)];
  return x < y ? { recordA: x, recordB: y } : { recordA: y, recordB: x };
}

/** Above anything evidence scores, so a pair the person joined merges first. */
const CONFIRMED_SCORE = 1_000;

export function withVerdicts<T extends GroupMember>(base: Matcher<T>, verdicts: readonly VerdictRow[]): Matcher<T> {
  if (verdicts.length === 0) return base;
  const byPair = new Map(verdicts.map((v) => [`${v.recordA}\n${v.recordB}`, v.verdict]));
  const verdictOf = (a: T, b: T): Verdict | undefined => {
    const { recordA, recordB } = verdictPair(a, b);
    return byPair.get(`${recordA}\n${recordB}`);
  };
  const pairOf = (a: LinkTimes, b: LinkTimes) => {
    const { recordA, recordB } = verdictPair(a, b);
    return byPair.get(`${recordA}\n${recordB}`);
  };
  return {
    windowMs: base.windowMs,
    mayLink(a, b) {
      const verdict = pairOf(a, b);
      if (verdict) return verdict === "same";
      return base.mayLink ? base.mayLink(a, b) : Math.abs(a.startTime.getTime() - b.startTime.getTime()) <= base.windowMs;
    },
    score(a, b) {
      const verdict = verdictOf(a, b);
      if (verdict === "different") return null;
      if (verdict === "same") return CONFIRMED_SCORE;
      return base.score(a, b);
    },
    explain(a, b) {
      const verdict = verdictOf(a, b);
      if (verdict === "same") return "you marked them as the same workout";
      if (verdict === "different") return "you marked them as different workouts";
      return base.explain?.(a, b) ?? "";
    },
    isPartOf(piece, whole) {
      if (verdictOf(piece, whole) === "different") return false;
      return base.isPartOf?.(piece, whole) ?? false;
    },
  };
}
