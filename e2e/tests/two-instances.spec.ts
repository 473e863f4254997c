import { expireTokens, requests, reset, sentWebhooks, setWebhookTarget } from "../../sandbox/control-client";
import { queryDatabase } from "../database";
import { ConsentPage } from "../pages/consent";
import { DashboardPage } from "../pages/dashboard";
import { RecordWorkoutPage } from "../pages/record-workout";
import { startSecondInstance, type Instance } from "../second-instance";
import { appUrl, expect, sandboxUrl, test } from "../fixtures";

/**
 * Two app processes on one database, as two machines behind one address: whatever must happen once
 * (a token refresh, a sync of one connection) happens once, whichever process is asked.
 */
let second: Instance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startSecondInstance();
});
test.afterAll(async () => second?.stop());
test.beforeEach(async () => {
  await reset(sandboxUrl);
});
test.afterEach(async () => {
  // Back to the public address (the configured app), whatever a test pointed the sandbox at.
  await setWebhookTarget(sandboxUrl, appUrl);
});

async function connect(dashboard: DashboardPage, name: string) {
  await dashboard.startConnect(name);
  await new ConsentPage(dashboard.page).authorize();
  await expect(dashboard.notice()).toHaveText(`Connected to ${name}`);
  await expect(dashboard.card(name)).toContainText("Last sync", { timeout: 30_000 });
}

test.describe("two app instances on one database", () => {
  test("a session and a connection begun on one instance are finished on the other", async ({ page, user }) => {
    expect(user).toBeTruthy();
    // Signed in on the first instance; the second knows the session from the database.
    const other = new DashboardPage(page, second.url);
    await other.goto();
    await expect(page).toHaveURL(`${second.url}/dashboard`);
    // The second instance makes the OAuth state; the provider sends the person back to the public
    // address (the first instance), which accepts the state the second one made, once.
    await other.startConnect("Strava");
    await new ConsentPage(page).authorize();
    await page.waitForURL(`${appUrl}/connections**`);
    await expect(new DashboardPage(page).notice()).toHaveText("Connected to Strava");
    await other.gotoConnections();
    await other.expectStatus("Strava", "connected");
  });

  test("a webhook delivered to one instance brings the workout to the dashboard open on the other", async ({ page, context, dashboard, user }) => {
    expect(user).toBeTruthy();
    const athlete = `rider-${Date.now()}`;
    await dashboard.startConnect("Garmin");
    await new ConsentPage(page).authorize({ athlete });
    await expect(dashboard.notice()).toHaveText("Connected to Garmin");
    await expect(dashboard.card("Garmin")).toContainText("Last sync", { timeout: 30_000 });
    await dashboard.goto();
    await expect(dashboard.feed()).toBeVisible();

    // Garmin's notice reaches the second instance; the dashboard is open on the first.
    await setWebhookTarget(sandboxUrl, second.url);
    const record = new RecordWorkoutPage(await context.newPage());
    await record.goto(sandboxUrl);
    const name = await record.record("Garmin", athlete, "ride");
    await expect(dashboard.item(name)).toBeVisible({ timeout: 15_000 });
    const [push] = (await sentWebhooks(sandboxUrl, "garmin")).slice(-1);
    expect(push?.url).toContain(second.url);
  });

  test("20 concurrent requests split across both, on a token the provider just refused: exactly one refresh", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, "Garmin");
    const feed = await (await page.request.get(`${appUrl}/api/activities?provider=garmin&limit=20`)).json();
    const ids: string[] = feed.items.map((item: { id: string }) => item.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);

    // Garmin rotates refresh tokens: a second refresh with the same one would be refused, so a
    // double refresh would also show up as failed answers.
    await expireTokens(sandboxUrl, "garmin");
    const refreshesBefore = (await requests(sandboxUrl, { provider: "garmin", pathIncludes: "token" })).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => page.request.get(`${i % 2 === 0 ? appUrl : second.url}/api/activities/${ids[i % ids.length]}/streams`)),
    );
    for (const answer of answers) expect(answer.status()).toBe(200);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    for (const body of bodies) expect(body, JSON.stringify(body).slice(0, 300)).toMatchObject({ reason: null, source: { provider: "garmin" } });
    const refreshes = (await requests(sandboxUrl, { provider: "garmin", pathIncludes: "token" })).length - refreshesBefore;
    expect(refreshes).toBe(1);
    await dashboard.expectStatus("Garmin", "connected");
  });

  test("overlapping syncs started from both instances store each workout once", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, "Strava");
    await connect(dashboard, "Polar");
    // The same sync asked of both processes at once, three times each.
    const headers = { origin: appUrl, "content-type": "application/json" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => page.request.post(`${i % 2 === 0 ? appUrl : second.url}/api/sync`, { headers, data: {} })),
    );
    for (const answer of answers) expect(answer.status()).toBe(200);
    for (const body of await Promise.all(answers.map((answer) => answer.json()))) {
      for (const result of Object.values(body.results as Record<string, { error: string | null }>)) {
        // A second press within the minute is refused politely; nothing else may fail.
        if (result.error) expect(result.error).toMatch(/synced less than a minute ago/);
      }
    }

    const [owner] = await queryDatabase<{ id: string }>("SELECT id FROM users WHERE email = ?", [user.email.toLowerCase()]);
    const userId = owner!.id;
    const rows = await queryDatabase<{ provider: string; n: number; distinct_ids: number }>(
      "SELECT provider, count(*) AS n, count(DISTINCT provider_activity_id) AS distinct_ids FROM activities WHERE user_id = ? GROUP BY provider",
      [userId],
    );
    expect(rows.map((row) => row.provider).sort()).toEqual(["polar", "strava"]);
    for (const row of rows) expect(Number(row.n)).toBe(Number(row.distinct_ids));
    const stored = rows.reduce((sum, row) => sum + Number(row.n), 0);
    // Every record belongs to exactly one workout on the feed (as its shown record or an "also on").
    let shown = 0;
    let cursor: string | null = null;
    do {
      const answer = await page.request.get(`${second.url}/api/activities?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status()).toBe(200);
      const feed = (await answer.json()) as { items: { alsoOn: unknown[]; legs: unknown[] }[]; nextCursor: string | null };
      shown += feed.items.reduce((sum, item) => sum + 1 + item.alsoOn.length + item.legs.length, 0);
      cursor = feed.nextCursor;
    } while (cursor);
    expect(shown).toBe(stored);
  });
});
