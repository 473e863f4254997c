import { describe, expect, it } from "vitest";
import { familyOf, isSport } from "@/lib/activity/sports";
import { loadCorpus, readCorpusJson, scoreCorpus, scoreScenario, type CorpusActivity, type Scenario } from "./score";

const classes = ["clear_cut", "start_lag", "same_provider_multi", "generic_sport", "distance_mismatch", "hour_shift", "duration_mismatch", "multisport", "non_duplicate"];
const providers = ["garmin", "strava", "whoop", "coros", "polar", "fitbit", "terra", "oura", "suunto", "wahoo"];
const fields = ["key", "provider", "providerActivityId", "name", "sport", "sportType", "startTime", "utcOffsetMinutes", "elapsedSeconds", "movingSeconds", "distanceMeters", "elevationGainMeters", "averageHeartRate", "maxHeartRate", "calories", "device"];
const nullableNumbers = ["utcOffsetMinutes", "elapsedSeconds", "movingSeconds", "distanceMeters", "elevationGainMeters", "averageHeartRate", "maxHeartRate", "calories"] as const;

const corpus = loadCorpus();
const raw = readCorpusJson().scenarios as Record<string, unknown>[];

const start = (a: CorpusActivity) => a.startTime.getTime();
const end = (a: CorpusActivity) => start(a) + (a.elapsedSeconds ?? 0) * 1000;
const byKey = (s: Scenario) => new Map(s.activities.map((a) => [a.key, a]));
const labelled = (s: Scenario) => s.groups.map((g) => g.map((k) => byKey(s).get(k)!));
function pairs<T>(items: T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) out.push([items[i]!, items[j]!]);
  return out;
}
/** Number of feed entries the labels describe. */
const entries = (s: Scenario) => s.groups.length + s.activities.length - s.groups.reduce((n, g) => n + g.length, 0);

describe("the corpus file", () => {
  it("has at least 110 scenarios, every class at least 10, and no other class", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(110);
    for (const c of classes) expect(corpus.filter((s) => s.class === c).length, c).toBeGreaterThanOrEqual(10);
    for (const s of corpus) expect(classes).toContain(s.class);
  });

  it("has unique scenario ids, a description and a basis for each", () => {
    expect(new Set(corpus.map((s) => s.id)).size).toBe(corpus.length);
    for (const s of raw) {
      expect(typeof s.id === "string" && s.id.length > 0).toBe(true);
      expect(typeof s.description === "string" && (s.description as string).length > 20, String(s.id)).toBe(true);
      expect(typeof s.basis === "string" && (s.basis as string).length > 10, String(s.id)).toBe(true);
      expect(Array.isArray(s.activities) && Array.isArray(s.groups), String(s.id)).toBe(true);
    }
  });

  it("gives every activity exactly the required fields with the right types", () => {
    for (const s of raw) {
      for (const a of s.activities as Record<string, unknown>[]) {
        const where = `${String(s.id)}/${String(a.key)}`;
        expect(Object.keys(a).sort(), where).toEqual([...fields].sort());
        expect(typeof a.key === "string" && a.key.length > 0, where).toBe(true);
        expect(providers, where).toContain(a.provider);
        expect(typeof a.providerActivityId === "string" && a.providerActivityId.length > 0, where).toBe(true);
        expect(typeof a.name === "string" && a.name.length > 0, where).toBe(true);
        expect(typeof a.sport === "string" && isSport(a.sport), `${where} sport ${String(a.sport)}`).toBe(true);
        expect(a.sportType === null || typeof a.sportType === "string", where).toBe(true);
        expect(a.device === null || typeof a.device === "string", where).toBe(true);
        // A UTC instant, as the normalizers produce.
        expect(typeof a.startTime === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(a.startTime), `${where} ${String(a.startTime)}`).toBe(true);
        expect(Number.isNaN(Date.parse(a.startTime as string)), where).toBe(false);
        for (const f of nullableNumbers) expect(a[f] === null || (typeof a[f] === "number" && Number.isFinite(a[f])), `${where}.${f}`).toBe(true);
      }
    }
  });

  it("keeps numbers in plausible ranges and units", () => {
    for (const s of corpus) {
      for (const a of s.activities) {
        const where = `${s.id}/${a.key}`;
        if (a.utcOffsetMinutes !== null) {
          expect(Number.isInteger(a.utcOffsetMinutes) && Math.abs(a.utcOffsetMinutes) <= 14 * 60, where).toBe(true);
        }
        expect(a.elapsedSeconds, where).not.toBeNull();
        expect(a.elapsedSeconds!, where).toBeGreaterThan(30);
        expect(a.elapsedSeconds!, where).toBeLessThan(8 * 3600);
        if (a.movingSeconds !== null) expect(a.movingSeconds, where).toBeLessThanOrEqual(a.elapsedSeconds! + 1);
        if (a.distanceMeters !== null) expect(a.distanceMeters, where).toBeGreaterThanOrEqual(0);
        if (a.distanceMeters !== null) expect(a.distanceMeters, where).toBeLessThan(250_000);
        if (a.elevationGainMeters !== null) expect(a.elevationGainMeters, where).toBeGreaterThanOrEqual(0);
        if (a.averageHeartRate !== null) expect(a.averageHeartRate, where).toBeGreaterThan(60);
        if (a.averageHeartRate !== null) expect(a.averageHeartRate, where).toBeLessThan(200);
        if (a.averageHeartRate !== null && a.maxHeartRate !== null) expect(a.maxHeartRate, where).toBeGreaterThanOrEqual(a.averageHeartRate);
        if (a.calories !== null) expect(a.calories, where).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("follows each provider's documented shape", () => {
    for (const s of corpus) {
      for (const a of s.activities) {
        const where = `${s.id}/${a.key}`;
        switch (a.provider) {
          case "whoop":
            // One strap, no moving time, distance only with GPS (the normalizer names the device "WHOOP").
            expect([a.device, a.movingSeconds], where).toEqual(["WHOOP", null]);
            break;
          case "coros":
            // No HR, elevation or usable calories in the summary.
            expect([a.averageHeartRate, a.maxHeartRate, a.elevationGainMeters, a.calories], where).toEqual([null, null, null, null]);
            expect(a.device, where).not.toBeNull();
            break;
          case "oura":
            expect([a.averageHeartRate, a.maxHeartRate, a.device, a.movingSeconds, a.elevationGainMeters], where).toEqual([null, null, null, null, null]);
            break;
          case "polar":
            expect([a.movingSeconds, a.elevationGainMeters], where).toEqual([null, null]);
            break;
          case "garmin":
            expect(a.movingSeconds, where).toBeNull();
            break;
          case "fitbit":
            expect(a.maxHeartRate, where).toBeNull();
            break;
          case "wahoo":
            expect(a.device, where).toBeNull();
            break;
        }
      }
    }
  });

  it("has unique keys and provider ids within a scenario, and groups that reference existing keys without overlapping", () => {
    for (const s of corpus) {
      const keys = s.activities.map((a) => a.key);
      expect(new Set(keys).size, s.id).toBe(keys.length);
      const ids = s.activities.map((a) => `${a.provider}:${a.providerActivityId}`);
      expect(new Set(ids).size, s.id).toBe(ids.length);
      const seen = new Set<string>();
      for (const g of s.groups) {
        expect(g.length, s.id).toBeGreaterThanOrEqual(2);
        for (const k of g) {
          expect(keys, s.id).toContain(k);
          expect(seen.has(k), `${s.id}: ${k} in two groups`).toBe(false);
          seen.add(k);
        }
      }
    }
  });

  it("puts something that must stay separate into most scenarios of every class", () => {
    for (const c of classes) {
      const of = corpus.filter((s) => s.class === c);
      const withLookAlikes = of.filter((s) => entries(s) >= 2).length;
      expect(withLookAlikes / of.length, c).toBeGreaterThanOrEqual(c === "non_duplicate" ? 1 : 0.5);
    }
  });
});

describe("each class shows the behaviour it is named after", () => {
  const ofClass = (c: string) => corpus.filter((s) => s.class === c);
  const someGroup = (s: Scenario, test: (members: CorpusActivity[]) => boolean) => labelled(s).some(test);

  it("clear_cut: a group of 2–4 sources starting within 90 seconds", () => {
    for (const s of ofClass("clear_cut")) {
      expect(someGroup(s, (g) => g.length >= 2 && g.length <= 4 && pairs(g).every(([a, b]) => Math.abs(start(a) - start(b)) <= 90_000)), s.id).toBe(true);
    }
  });

  it("start_lag: a group with starts 2–13 minutes apart", () => {
    for (const s of ofClass("start_lag")) {
      expect(someGroup(s, (g) => pairs(g).some(([a, b]) => Math.abs(start(a) - start(b)) >= 120_000 && Math.abs(start(a) - start(b)) <= 13 * 60_000)), s.id).toBe(true);
    }
  });

  it("same_provider_multi: a group with two records from one provider", () => {
    for (const s of ofClass("same_provider_multi")) {
      expect(someGroup(s, (g) => new Set(g.map((a) => a.provider)).size < g.length), s.id).toBe(true);
    }
  });

  it("generic_sport: a group mixing a generic label with a specific sport", () => {
    for (const s of ofClass("generic_sport")) {
      expect(someGroup(s, (g) => new Set(g.map((a) => a.sport)).size > 1 && g.some((a) => ["other", "cardio", "strength", "hiit"].includes(a.sport))), s.id).toBe(true);
    }
  });

  it("distance_mismatch: a group whose distances differ by more than 10 %", () => {
    for (const s of ofClass("distance_mismatch")) {
      expect(someGroup(s, (g) => pairs(g).some(([a, b]) => !!a.distanceMeters && !!b.distanceMeters && Math.abs(a.distanceMeters - b.distanceMeters) / Math.max(a.distanceMeters, b.distanceMeters) > 0.1)), s.id).toBe(true);
    }
  });

  it("hour_shift: a group with starts a whole number of hours apart and the same duration", () => {
    for (const s of ofClass("hour_shift")) {
      const shifted = ([a, b]: [CorpusActivity, CorpusActivity]) => {
        const hours = Math.abs(start(a) - start(b)) / 3_600_000;
        return hours >= 0.98 && Math.abs(hours - Math.round(hours)) * 60 <= 1 && Math.abs(a.elapsedSeconds! - b.elapsedSeconds!) / Math.max(a.elapsedSeconds!, b.elapsedSeconds!) < 0.05;
      };
      expect(someGroup(s, (g) => pairs(g).some(shifted)), s.id).toBe(true);
    }
  });

  it("duration_mismatch: a group whose durations differ by more than 30 %", () => {
    for (const s of ofClass("duration_mismatch")) {
      expect(someGroup(s, (g) => pairs(g).some(([a, b]) => Math.abs(a.elapsedSeconds! - b.elapsedSeconds!) / Math.max(a.elapsedSeconds!, b.elapsedSeconds!) > 0.3)), s.id).toBe(true);
    }
  });

  it("multisport: a multisport record grouped with at least two single-sport legs", () => {
    for (const s of ofClass("multisport")) {
      expect(someGroup(s, (g) => g.some((a) => a.sport === "multisport") && g.filter((a) => a.sport !== "multisport").length >= 2), s.id).toBe(true);
    }
  });

  it("non_duplicate: at least two separate entries of the same sport family, or overlapping in time", () => {
    for (const s of ofClass("non_duplicate")) {
      const groupOf = new Map<string, number>();
      s.groups.forEach((g, i) => g.forEach((k) => groupOf.set(k, i)));
      const apart = pairs(s.activities).filter(([a, b]) => groupOf.get(a.key) === undefined || groupOf.get(a.key) !== groupOf.get(b.key));
      const lookAlike = apart.some(([a, b]) => familyOf(a.sport) === familyOf(b.sport) || (start(a) < end(b) && start(b) < end(a)));
      expect(lookAlike, s.id).toBe(true);
    }
  });
});

describe("the scoring harness", () => {
  const tiny: Scenario = {
    id: "tiny",
    class: "clear_cut",
    description: "",
    activities: ["a", "b", "c", "d"].map((key) => ({ ...corpus[0]!.activities[0]!, key })),
    groups: [["a", "b", "c"]],
  };

  it("counts pairs: true, false-positive and false-negative", () => {
    // Labels: {a,b,c}, {d} → true pairs ab, ac, bc. Prediction {a,b}, {c,d}: ab right, cd wrong, ac and bc missed.
    const r = scoreScenario(tiny, [["a", "b"], ["c", "d"]]);
    expect([r.truePositivePairs, r.falsePositivePairs, r.falseNegativePairs, r.fullyRight]).toEqual([1, 1, 2, false]);
    expect(r.wrongMerges).toEqual([["c", "d"]]);
  });

  it("rejects a partition that names unknown keys or repeats one", () => {
    expect(() => scoreScenario(tiny, [["a", "z"]])).toThrow(/unknown key/);
    expect(() => scoreScenario(tiny, [["a", "b"], ["b"]])).toThrow(/two groups/);
  });

  it("scores the labels themselves as perfect", () => {
    const { overall, byClass } = scoreCorpus(corpus, (activities) => corpus.find((s) => s.activities.length === activities.length && s.activities.every((a, i) => a.key === activities[i]!.key && a.providerActivityId === activities[i]!.providerActivityId))!.groups);
    expect(overall.precision).toBe(1);
    expect(overall.recall).toBe(1);
    expect(overall.scenariosFullyRight).toBe(corpus.length);
    expect(Object.keys(byClass).sort()).toEqual([...classes].sort());
  });

  it("baseline 'every activity alone': precision 1, recall 0 wherever there are true pairs", () => {
    const { overall, byClass } = scoreCorpus(corpus, () => []);
    expect(overall.precision).toBe(1);
    expect(overall.recall).toBe(0);
    expect(overall.truePositivePairs + overall.falsePositivePairs).toBe(0);
    for (const c of classes) {
      expect(byClass[c]!.precision).toBe(1);
      expect(byClass[c]!.recall).toBe(0);
    }
    // Only scenarios whose labels are all singletons are right.
    expect(overall.scenariosFullyRight).toBe(corpus.filter((s) => s.groups.length === 0).length);
  });

  it("baseline 'same family, start within 3 minutes' (single linkage): merges the easy cases, misses lags and shifts", () => {
    const rule = (activities: CorpusActivity[]) => {
      const parent = activities.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
      for (const [i, j] of pairs(activities.map((_, i) => i))) {
        const a = activities[i]!;
        const b = activities[j]!;
        if (familyOf(a.sport) === familyOf(b.sport) && Math.abs(start(a) - start(b)) <= 3 * 60_000) parent[find(i)] = find(j);
      }
      const groups = new Map<number, string[]>();
      activities.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a.key]));
      return [...groups.values()];
    };
    const { overall, byClass } = scoreCorpus(corpus, rule);
    const table = Object.fromEntries(Object.entries({ overall, ...byClass }).map(([c, s]) => [c, { P: s.precision.toFixed(3), R: s.recall.toFixed(3), TP: s.truePositivePairs, FP: s.falsePositivePairs, FN: s.falseNegativePairs, right: `${s.scenariosFullyRight}/${s.scenarios}` }]));
    console.table(table);
    expect(overall.precision).toBeGreaterThan(0);
    expect(overall.precision).toBeLessThan(1);
    expect(overall.recall).toBeGreaterThan(0);
    expect(overall.recall).toBeLessThan(1);
    // By construction: a shifted copy is hours away and a detector's lag is minutes, so this rule misses them.
    expect(byClass.hour_shift!.recall).toBeLessThan(1);
    expect(byClass.start_lag!.recall).toBeLessThan(1);
    // Its wrong merges come from look-alikes (partners' rides, back-to-back starts).
    expect(byClass.non_duplicate!.precision).toBeLessThan(1);
  });
});
