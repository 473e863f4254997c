import { describe, expect, it } from "vitest";
import { builtInProviders } from "@/lib/providers/builtin";
import { createMatcher, detectionLookup } from "../dedup";
import { groupActivities, type GroupMember } from "../grouping";
import { loadCorpus, scoreCorpus, type CorpusActivity } from "./score";

/**
 * The real matcher on the labelled corpus, grouped the way the feed groups (grouping.ts). Detection
 * timing comes from the provider definitions, as the app builds it; sources the app does not ship
 * (Oura, Suunto, Wahoo) get none and are matched on the generic evidence alone.
 */
const matcher = createMatcher<GroupMember>({ detection: detectionLookup(builtInProviders.map((m) => m.definition)) });
const priority = builtInProviders.map((m) => m.definition.id);
const corpus = loadCorpus();

const member = (a: CorpusActivity): GroupMember => ({ ...a, id: a.key, groupId: null, groupStart: null, isPrimary: false });
const cluster = (activities: CorpusActivity[]) => groupActivities(activities.map(member), matcher, priority).map((group) => group.members.map((m) => m.id));

describe("the evidence-weighing matcher on the corpus", () => {
  const { overall, byClass, results } = scoreCorpus(corpus, cluster);

  it("reaches precision ≥ 0.99 and recall ≥ 0.95 overall, and recall ≥ 0.9 in every class", () => {
    const row = (s: typeof overall) => ({ P: s.precision.toFixed(3), R: s.recall.toFixed(3), TP: s.truePositivePairs, FP: s.falsePositivePairs, FN: s.falseNegativePairs, right: `${s.scenariosFullyRight}/${s.scenarios}` });
    console.table(Object.fromEntries([["overall", row(overall)], ...Object.entries(byClass).map(([c, s]) => [c, row(s)])]));
    for (const r of results.filter((r) => !r.fullyRight)) console.log(`${r.id}: wrong ${JSON.stringify(r.wrongMerges)} missed ${JSON.stringify(r.missedMerges)}`);

    expect(overall.precision).toBeGreaterThanOrEqual(0.99);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(byClass).length).toBe(9);
    for (const [c, s] of Object.entries(byClass)) expect(s.recall, c).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps every non_duplicate scenario's look-alikes apart", () => {
    const lookAlikes = results.filter((r) => r.class === "non_duplicate");
    expect(lookAlikes.length).toBeGreaterThanOrEqual(10);
    for (const r of lookAlikes) expect(r.wrongMerges, r.id).toEqual([]);
  });

  it("can say why each merged pair that matches directly is one workout", () => {
    for (const scenario of corpus) {
      const byKey = new Map(scenario.activities.map((a) => [a.key, member(a)]));
      for (const group of cluster(scenario.activities)) {
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const a = byKey.get(group[i]!)!;
            const b = byKey.get(group[j]!)!;
            // Two legs of one triathlon are together through their multisport record, not by themselves.
            if (matcher.score(a, b) === null) continue;
            const reason = matcher.explain(a, b);
            expect(reason.length, `${scenario.id} ${a.id}-${b.id}`).toBeGreaterThan(5);
            expect(reason, `${scenario.id} ${a.id}-${b.id}`).not.toMatch(/^not the same/);
          }
        }
      }
    }
  });
});
