/**
 * Pairwise scoring of a de-duplication matcher against the labelled corpus (scenarios.json).
 *
 * Within one scenario every unordered pair of activities is either "same" (both keys are in one
 * labelled group) or "different". A matcher is given one scenario's activities and returns a
 * partition of their keys; its pairs are compared with the labels:
 *   true positive  — predicted together, labelled together
 *   false positive — predicted together, labelled apart (a wrong merge: a workout disappears)
 *   false negative — predicted apart, labelled together (a duplicate shown twice)
 * Precision = TP / (TP + FP), 1 when nothing was merged; recall = TP / (TP + FN), 1 when there was
 * nothing to merge. A scenario is fully right when its predicted partition equals the labelled one.
 */
import { readFileSync } from "node:fs";
import { isSport, type Sport } from "@/lib/activity/sports";

export interface CorpusActivity {
  key: string;
  provider: string;
  providerActivityId: string;
  name: string;
  sport: Sport;
  sportType: string | null;
  startTime: Date;
  utcOffsetMinutes: number | null;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number | null;
  maxHeartRate: number | null;
  calories: number | null;
  device: string | null;
}

export interface Scenario {
  id: string;
  class: string;
  description: string;
  /** Which documented provider behaviour the scenario follows. */
  basis?: string;
  activities: CorpusActivity[];
  groups: string[][];
}

export interface Score {
  truePositivePairs: number;
  falsePositivePairs: number;
  falseNegativePairs: number;
  precision: number;
  recall: number;
  scenarios: number;
  scenariosFullyRight: number;
}

export interface ScenarioResult {
  id: string;
  class: string;
  truePositivePairs: number;
  falsePositivePairs: number;
  falseNegativePairs: number;
  fullyRight: boolean;
  /** Pairs merged although labelled apart, and pairs labelled together but left apart. */
  wrongMerges: [string, string][];
  missedMerges: [string, string][];
}

export const corpusUrl = new URL("./scenarios.json", import.meta.url);

/** The raw JSON (startTime still a string), for validation. */
export function readCorpusJson(): { scenarios: unknown[] } {
  return JSON.parse(readFileSync(corpusUrl, "utf8")) as { scenarios: unknown[] };
}

/** Reads scenarios.json; start times become Dates. Throws on an unknown sport or a bad date. */
export function loadCorpus(): Scenario[] {
  const raw = readCorpusJson().scenarios as (Omit<Scenario, "activities"> & { activities: (Omit<CorpusActivity, "startTime"> & { startTime: string })[] })[];
  return raw.map((s) => ({
    id: s.id,
    class: s.class,
    description: s.description,
    basis: s.basis,
    groups: s.groups,
    activities: s.activities.map((a) => {
      if (!isSport(a.sport)) throw new Error(`${s.id}/${a.key}: unknown sport ${String(a.sport)}`);
      const startTime = new Date(a.startTime);
      if (Number.isNaN(startTime.getTime())) throw new Error(`${s.id}/${a.key}: bad startTime ${a.startTime}`);
      return { ...a, startTime };
    }),
  }));
}

function groupIndex(keys: string[], partition: string[][]): Map<string, number> {
  const index = new Map<string, number>();
  partition.forEach((group, i) => {
    for (const key of group) index.set(key, i);
  });
  // Keys in no group are alone.
  let next = partition.length;
  for (const key of keys) if (!index.has(key)) index.set(key, next++);
  return index;
}

/** Compares one predicted partition with one scenario's labels. */
export function scoreScenario(scenario: Scenario, predicted: string[][]): ScenarioResult {
  const keys = scenario.activities.map((a) => a.key);
  const known = new Set(keys);
  const seen = new Set<string>();
  for (const group of predicted) {
    for (const key of group) {
      if (!known.has(key)) throw new Error(`${scenario.id}: the matcher returned unknown key ${key}`);
      if (seen.has(key)) throw new Error(`${scenario.id}: the matcher put ${key} in two groups`);
      seen.add(key);
    }
  }
  const truth = groupIndex(keys, scenario.groups);
  const guess = groupIndex(keys, predicted);
  const result: ScenarioResult = { id: scenario.id, class: scenario.class, truePositivePairs: 0, falsePositivePairs: 0, falseNegativePairs: 0, fullyRight: true, wrongMerges: [], missedMerges: [] };
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i]!;
      const b = keys[j]!;
      const same = truth.get(a) === truth.get(b);
      const merged = guess.get(a) === guess.get(b);
      if (same && merged) result.truePositivePairs++;
      else if (merged) {
        result.falsePositivePairs++;
        result.wrongMerges.push([a, b]);
      } else if (same) {
        result.falseNegativePairs++;
        result.missedMerges.push([a, b]);
      }
    }
  }
  result.fullyRight = result.falsePositivePairs === 0 && result.falseNegativePairs === 0;
  return result;
}

function emptyScore(): Score {
  return { truePositivePairs: 0, falsePositivePairs: 0, falseNegativePairs: 0, precision: 1, recall: 1, scenarios: 0, scenariosFullyRight: 0 };
}

function add(score: Score, r: ScenarioResult): void {
  score.truePositivePairs += r.truePositivePairs;
  score.falsePositivePairs += r.falsePositivePairs;
  score.falseNegativePairs += r.falseNegativePairs;
  score.scenarios++;
  if (r.fullyRight) score.scenariosFullyRight++;
}

function finish(score: Score): Score {
  const predicted = score.truePositivePairs + score.falsePositivePairs;
  const actual = score.truePositivePairs + score.falseNegativePairs;
  score.precision = predicted === 0 ? 1 : score.truePositivePairs / predicted;
  score.recall = actual === 0 ? 1 : score.truePositivePairs / actual;
  return score;
}

/** Scores a matcher on every scenario; `cluster` gets one scenario's activities at a time. */
export function scoreCorpus(
  scenarios: Scenario[],
  cluster: (activities: CorpusActivity[]) => string[][],
): { overall: Score; byClass: Record<string, Score>; results: ScenarioResult[] } {
  const overall = emptyScore();
  const byClass: Record<string, Score> = {};
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    // Each call gets its own copies, so a matcher cannot change the corpus for the next one.
    const activities = scenario.activities.map((a) => ({ ...a, startTime: new Date(a.startTime) }));
    const result = scoreScenario(scenario, cluster(activities));
    results.push(result);
    add(overall, result);
    add((byClass[scenario.class] ??= emptyScore()), result);
  }
  finish(overall);
  for (const score of Object.values(byClass)) finish(score);
  return { overall, byClass, results };
}
