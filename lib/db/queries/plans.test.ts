import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestPage } from "@/lib/sync/engine";
import { synthetic } from "@/lib/providers/synthetic";
import { generateWorkouts } from "@/lib/providers/synthetic/generator";
import { testPostgresUrl } from "@/test/postgres";
import { createTestApp, type TestApp } from "@/test/test-app";
import { listActivitiesInRange, listActivityTimesInRanges } from "./activities";
import { deleteWorkouts, listWorkoutMembers, listWorkoutPage, sumWorkouts, sumWorkoutsByPeriod, trainingLoadByDay, writeMembership } from "./workouts";

/**
 * Every hot query's plan, on a populated and analyzed database: each one must search the index
 * made for it (a regression here is a slow feed at a decade of history, so it fails CI). SQLite's
 * plans are held line by line; on PostgreSQL the feed's keyset pages are held to their index and
 * to needing no sort.
 */
const onSqlite = !testPostgresUrl;
let app: TestApp;
let userId: string;
let captured: { sql: string; params: unknown[] }[] = [];

beforeAll(async () => {
  app = await createTestApp({ modules: [synthetic], logQuery: (sql, params) => captured.push({ sql, params }) });
  const priority = ["garmin", "whoop", "strava"];
  for (let person = 0; person < 3; person++) {
    const id = await app.createUser();
    if (person === 0) userId = id;
    for (const provider of priority) {
      // Three fixed years, whatever today's date: the generator serves a year back from "now".
      for (const year of [2023, 2024, 2025]) {
        const end = Date.UTC(year + 1, 0, 1);
        const workouts = generateWorkouts(`plans-${person}`, { after: new Date(Date.UTC(year, 0, 1)), before: new Date(end) }, end);
        await ingestPage(id, provider, workouts.map((w) => ({ ...w, provider })));
      }
    }
  }
  await app.sql("ANALYZE");
});
afterAll(async () => app.close());

async function planOf(run: () => Promise<unknown>): Promise<string[]> {
  captured = [];
  await run();
  const [query] = captured;
  if (!query) throw new Error("no query was captured");
  const rows = await app.store.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params);
  return rows.map((row) => row.detail);
}

const cursor = { startMs: Date.parse("2024-06-01T00:00:00Z"), id: "ffffffff" };

/** A regrouping's writes, for ids that match nothing (the plan is what is looked at). */
const membership = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `none-${i}`, groupId: `none-${i}`, groupStart: new Date(0), isPrimary: true }));
const writeMembershipOf = (n: number) => app.store.transaction((tx) => writeMembership(tx, membership(n)));
const deleteWorkoutsOf = (n: number) => app.store.transaction((tx) => deleteWorkouts(tx, userId, membership(n).map((m) => m.id)));

describe.runIf(onSqlite)("query plans", () => {
  it("the feed's first page and a deep page read the table in its own (person, start) order, by row value, with no sort", async () => {
    const first = await planOf(() => listWorkoutPage({ userId, limit: 51 }));
    expect(first).toEqual(["SEARCH w USING PRIMARY KEY (user_id=?)"]);
    const deep = await planOf(() => listWorkoutPage({ userId, limit: 51, cursor }));
    expect(deep).toEqual(["SEARCH w USING PRIMARY KEY (user_id=? AND (start_time,id)<(?,?))"]);
    const dated = await planOf(() => listWorkoutPage({ userId, limit: 51, from: new Date("2024-01-01"), to: new Date("2024-02-01") }));
    expect(dated).toEqual(["SEARCH w USING PRIMARY KEY (user_id=? AND start_time>? AND start_time<?)"]);
  });

  it("a sport filter searches the sport index", async () => {
    expect(await planOf(() => listWorkoutPage({ userId, limit: 51, sport: "run", cursor }))).toEqual([
      "SEARCH w USING INDEX workouts_feed_sport (user_id=? AND sport=? AND (start_time,id)<(?,?))",
    ]);
  });

  it("a search reads names from the narrow name index in feed order, opening a whole row only for a match", async () => {
    expect(await planOf(() => listWorkoutPage({ userId, limit: 51, q: "run", cursor }))).toEqual([
      "SEARCH w USING INDEX workouts_feed_name (user_id=? AND (start_time,id)<(?,?))",
    ]);
  });

  it("a provider filter walks that provider's records by their group's start; only the page itself is sorted", async () => {
    const plan = await planOf(() => listWorkoutPage({ userId, limit: 51, provider: "strava", cursor }));
    expect(plan).toContain("SEARCH a USING COVERING INDEX activities_by_provider (user_id=? AND provider=? AND (group_start,group_id)<(?,?))");
    expect(plan.filter((line) => line.includes("TEMP B-TREE"))).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
    expect(plan.indexOf("USE TEMP B-TREE FOR ORDER BY")).toBeGreaterThan(plan.indexOf("SCAN page"));
  });

  it("totals read a date range in the table's order", async () => {
    const plan = await planOf(() => sumWorkouts(userId, new Date("2025-01-01"), 7 * 86_400_000, 4 * 86_400_000));
    expect(plan[0]).toBe("SEARCH workouts USING PRIMARY KEY (user_id=? AND start_time>?)");
  });

  it("a workout's sources and the regrouping's time range use their own indexes", async () => {
    const members = await planOf(() => listWorkoutMembers(userId, "some-group"));
    expect(members[0]).toMatch(/^SEARCH activities USING INDEX activities_group \(user_id=\? AND group_id=\?/);
    const range = await planOf(() => listActivitiesInRange(app.store, userId, new Date("2024-01-01"), new Date("2024-01-02")));
    expect(range).toEqual(["SEARCH activities USING INDEX activities_timeline (user_id=? AND start_time>? AND start_time<?)"]);
  });

  it("a regrouping's membership changes and removed workouts are found by id, a chunk per statement", async () => {
    const update = await planOf(() => writeMembershipOf(8));
    expect(update).toContain("SCAN membership");
    expect(update).toContain("SEARCH activities USING COVERING INDEX sqlite_autoindex_activities_1 (id=?)");
    expect(update.join(" ")).not.toMatch(/SCAN activities/);
    expect(await planOf(() => deleteWorkoutsOf(8))).toEqual(["SEARCH workouts USING INDEX workouts_id (id=? AND user_id=?)"]);
  });
});

describe.runIf(onSqlite)("period totals", () => {
  it("read the person's date range by the table's own order, whatever the periods", async () => {
    const bounds = [Date.parse("2025-01-01"), Date.parse("2025-02-01"), Date.parse("2025-03-01"), Date.parse("2025-04-01")];
    const plan = await planOf(() => sumWorkoutsByPeriod(userId, bounds));
    expect(plan).toContain("SEARCH w USING PRIMARY KEY (user_id=? AND start_time>? AND start_time<?)");
  });
});

describe.runIf(onSqlite)("training load", () => {
  it("reads the person's workouts of the range by the table's own order", async () => {
    const day = Math.floor(Date.parse("2025-06-01") / 86_400_000);
    const plan = await planOf(() => trainingLoadByDay(userId, { warmUpDay: day - 126, firstDay: day - 180, lastDay: day }));
    expect(plan).toContain("SEARCH workouts USING PRIMARY KEY (user_id=? AND start_time>? AND start_time<?)");
    expect(plan.join(" ")).not.toMatch(/SCAN workouts/);
  });
});

interface PostgresPlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Relation Name"?: string;
  Plans?: PostgresPlanNode[];
}

async function postgresPlanOf(run: () => Promise<unknown>): Promise<PostgresPlanNode[]> {
  captured = [];
  await run();
  const [query] = captured;
  if (!query) throw new Error("no query was captured");
  // The test's tables are small enough for a scan to be cheapest; with scans priced out, what is
  // left shows whether the indexes can serve each query's filter and order on their own.
  const [row] = await app.store.transaction(async (tx) => {
    await tx.query("SET LOCAL enable_seqscan = off");
    await tx.query("SET LOCAL enable_bitmapscan = off");
    return tx.query<{ "QUERY PLAN": [{ Plan: PostgresPlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
  });
  const nodes: PostgresPlanNode[] = [];
  const walk = (node: PostgresPlanNode) => {
    nodes.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(row!["QUERY PLAN"][0].Plan);
  return nodes;
}

describe.runIf(!onSqlite)("query plans on PostgreSQL", () => {
  const scans = (nodes: PostgresPlanNode[]) => nodes.filter((node) => node["Relation Name"]);

  it("the feed's first page and a deep page walk the feed index by row value, with no sort", async () => {
    for (const filter of [{ userId, limit: 51 }, { userId, limit: 51, cursor }]) {
      const nodes = await postgresPlanOf(() => listWorkoutPage(filter));
      expect(nodes.map((node) => node["Node Type"])).not.toContain("Sort");
      expect(scans(nodes).map((node) => node["Index Name"])).toEqual([expect.stringMatching(/^workouts_feed(_name)?$/)]);
    }
    const deep = await postgresPlanOf(() => listWorkoutPage({ userId, limit: 51, cursor }));
    expect(scans(deep)[0]!["Index Cond"]).toMatch(/ROW\(start_time, id\) < ROW\(/);
  });

  it("a sport filter walks the sport index, a search the name index, with no sort", async () => {
    const sport = await postgresPlanOf(() => listWorkoutPage({ userId, limit: 51, sport: "run", cursor }));
    expect(sport.map((node) => node["Node Type"])).not.toContain("Sort");
    expect(scans(sport).map((node) => node["Index Name"])).toEqual(["workouts_feed_sport"]);
    const search = await postgresPlanOf(() => listWorkoutPage({ userId, limit: 51, q: "run", cursor }));
    expect(search.map((node) => node["Node Type"])).not.toContain("Sort");
    expect(scans(search)[0]!["Index Name"]).toMatch(/^workouts_feed/);
  });

  it("a regrouping's time ranges are each looked up in the timeline index, never the person's whole history filtered", async () => {
    const ranges = [0, 1, 2].map((week) => ({ from: Date.parse("2024-01-01") + week * 604_800_000, to: Date.parse("2024-01-02") + week * 604_800_000 }));
    const nodes = await postgresPlanOf(() => listActivityTimesInRanges(app.store, userId, ranges));
    const read = scans(nodes).filter((node) => node["Relation Name"] === "activities");
    expect(read.map((node) => node["Index Name"])).toEqual(["activities_timeline"]);
    expect(read[0]!["Index Cond"]).toMatch(/start_time >= /);
  });

  it("a regrouping's membership changes are found by the activities' key", async () => {
    const nodes = await postgresPlanOf(() => writeMembershipOf(8));
    const read = scans(nodes).filter((node) => node["Relation Name"] === "activities" && node["Node Type"] !== "ModifyTable");
    expect(read.map((node) => node["Index Name"])).toEqual(["activities_pkey"]);
  });

  it("a provider filter walks that provider's records by their group's start", async () => {
    const nodes = await postgresPlanOf(() => listWorkoutPage({ userId, limit: 51, provider: "strava", cursor }));
    const activities = scans(nodes).find((node) => node["Relation Name"] === "activities");
    expect(activities?.["Index Name"]).toBe("activities_by_provider");
  });
});
