import { reset } from "../../sandbox/control-client";
import { featured } from "../../sandbox/dataset";
import { ConsentPage } from "../pages/consent";
import type { DashboardPage } from "../pages/dashboard";
import { SourceOrderSettings } from "../pages/source-order";
import { WorkoutPage } from "../pages/workout";
import { expect, sandboxUrl, test } from "../fixtures";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

async function connect(dashboard: DashboardPage, name: string) {
  await dashboard.startConnect(name);
  await new ConsentPage(dashboard.page).authorize();
  await expect(dashboard.notice()).toHaveText(`Connected to ${name}`);
  await expect(dashboard.card(name)).toContainText("Last sync", { timeout: 30_000 });
}

/** Disconnecting deletes a source's records and reconnecting syncs them again, under new row ids. */
async function reconnect(dashboard: DashboardPage, name: string) {
  await dashboard.goto();
  await dashboard.disconnect(name);
  await dashboard.expectStatus(name, "disconnected");
  await connect(dashboard, name);
  await dashboard.page.reload();
}

async function copiesInFeed(dashboard: DashboardPage) {
  await dashboard.filter({ provider: "All providers", sport: "Run" });
  return dashboard.item(featured.merged);
}

test.describe("the person has the last word on what is one workout", () => {
  test("the reason for a merge is shown; 'Not the same workout' and 'Same workout' hold through a re-sync", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, "Garmin");
    await connect(dashboard, "Strava");
    await page.reload();

    // One item for the run both recorded; its page says why.
    await expect(await copiesInFeed(dashboard)).toHaveCount(1);
    await dashboard.open(await copiesInFeed(dashboard));
    const workout = new WorkoutPage(page);
    await expect(workout.heading()).toHaveText(featured.merged);
    await expect(workout.records()).toHaveCount(2);
    await expect(workout.reason("Strava")).toContainText(/starts 3 s apart/);

    // Split: the Strava record becomes a workout of its own, and stays one after a re-sync.
    await workout.splitOff("Strava");
    await expect(workout.records()).toHaveCount(1);
    await reconnect(dashboard, "Strava");
    await expect(await copiesInFeed(dashboard)).toHaveCount(2);

    // Merge them back from the Garmin one's page: one item again, and still after a re-sync.
    await dashboard.filter({ provider: "Garmin", sport: "Run" });
    await dashboard.open(dashboard.item(featured.merged));
    await workout.mergeWith(featured.merged, "Strava");
    await expect(workout.reason("Strava")).toHaveText(/you marked them as the same workout/);
    await reconnect(dashboard, "Strava");
    await expect(await copiesInFeed(dashboard)).toHaveCount(1);

    // Handing the decision back: the evidence alone merges them too.
    await dashboard.open(await copiesInFeed(dashboard));
    await workout.letPierreDecide();
    await expect(workout.records()).toHaveCount(2);
    await expect(workout.reason("Strava")).toContainText(/starts 3 s apart/);
  });

  test("two runs back to back stay two until the person merges them", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, "Garmin");
    await page.reload();
    const [first, second] = featured.backToBack;
    await dashboard.filter({ provider: "Garmin", sport: "Run" });
    await dashboard.open(dashboard.item(first));
    const workout = new WorkoutPage(page);
    await expect(workout.records()).toHaveCount(1);
    await expect(workout.records().getByRole("button", { name: "Not the same workout" })).toHaveCount(0);
    await workout.mergeWith(second, "Garmin");
    await expect(workout.records()).toHaveCount(2);
    await dashboard.goto();
    await dashboard.filter({ provider: "Garmin", sport: "Run" });
    await expect(dashboard.item(first).or(dashboard.item(second))).toHaveCount(1);
  });
});

test("a person's own source order decides whose version of a merged workout is shown", async ({ page, dashboard, user }) => {
  expect(user).toBeTruthy();
  await connect(dashboard, "Garmin");
  await connect(dashboard, "Strava");
  const sourcesOf = async () => {
    await dashboard.goto();
    return (await copiesInFeed(dashboard)).getByTestId("sources");
  };
  await expect(await sourcesOf()).toContainText(/From\s*Garmin\s*Also on\s*Strava/);

  const settings = new SourceOrderSettings(page);
  await settings.goto();
  await settings.moveToTop("Strava");
  await settings.save();
  await expect(settings.entries().first()).toContainText("Strava");
  await expect(await sourcesOf()).toContainText(/From\s*Strava\s*Also on\s*Garmin/);

  await settings.goto();
  await settings.useDefault();
  await expect(await sourcesOf()).toContainText(/From\s*Garmin/);
});
