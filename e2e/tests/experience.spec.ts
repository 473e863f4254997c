import { reset } from "../../sandbox/control-client";
import { featured } from "../../sandbox/dataset";
import { demoAdmin } from "../../scripts/demo-admin";
import { AdminProvidersPage } from "../pages/admin";
import { ConsentPage } from "../pages/consent";
import type { DashboardPage } from "../pages/dashboard";
import { DisplaySettings } from "../pages/settings";
import { WorkoutPage } from "../pages/workout";
import { expect, sandboxUrl, test } from "../fixtures";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

async function connect(dashboard: DashboardPage, names: string[]) {
  for (const name of names) {
    await dashboard.startConnect(name);
    if (name !== "Synthetic") await new ConsentPage(dashboard.page).authorize();
    await expect(dashboard.notice()).toHaveText(`Connected to ${name}`);
  }
  for (const name of names) await expect(dashboard.card(name)).toContainText("Last sync", { timeout: 30_000 });
}

test.describe("the training, not the plumbing", () => {
  test("an activity page shows every field by source, charts of its samples and the route outline", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, ["Garmin", "Strava"]);
    await dashboard.search(featured.merged);
    await expect(dashboard.feedItems()).toHaveCount(1);
    await dashboard.open(dashboard.item(featured.merged));

    const workout = new WorkoutPage(page);
    await expect(workout.heading()).toHaveText(featured.merged);
    // Samples are fetched from the shown source on first open, then charted.
    await expect(workout.streamsSource()).toContainText("Samples from Garmin");
    for (const series of ["heartRate", "pace", "altitude", "cadence"]) await expect(workout.chart(series)).toBeVisible();
    await expect(workout.chart("heartRate")).toContainText("bpm");
    await expect(workout.routeMap()).toHaveAttribute("data-tiles", "off");
    await expect(workout.routeOutline()).toHaveCount(1);
    // Garmin's summary has no moving time: the shown value is Strava's, and says so.
    await expect(workout.field("Moving time")).toContainText("from Strava");
    await expect(workout.field("Distance")).toContainText("from Garmin");
    await expect(workout.records()).toHaveCount(2);

    // A second visit reads the kept samples: the provider is not asked again.
    const before = await (await page.request.get(`${sandboxUrl}/__control/requests?provider=garmin&pathIncludes=activityDetails`)).json();
    await page.reload();
    await expect(workout.routeOutline()).toHaveCount(1);
    const after = await (await page.request.get(`${sandboxUrl}/__control/requests?provider=garmin&pathIncludes=activityDetails`)).json();
    expect(after.requests.length).toBe(before.requests.length);
  });

  test("switching units to imperial shows miles everywhere", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, ["Garmin"]);
    await dashboard.search(featured.merged);
    await expect(dashboard.item(featured.merged)).toContainText(" km");
    await expect(dashboard.item(featured.merged)).toContainText("/km");

    const settings = new DisplaySettings(page);
    await settings.goto();
    await settings.choose({ units: "Imperial (mi, ft)", weekStart: "Sunday" });
    await dashboard.search(featured.merged);
    await expect(dashboard.item(featured.merged)).toContainText(/\d mi/);
    await expect(dashboard.item(featured.merged)).toContainText("/mi");
    await expect(dashboard.item(featured.merged)).not.toContainText(" km");
    await dashboard.open(dashboard.item(featured.merged));
    await expect(new WorkoutPage(page).field("Distance")).toContainText(" mi");
  });

  test("searching the feed by name, beside the filters", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, ["Garmin", "Synthetic"]);
    await dashboard.goto();
    await expect(dashboard.feedItems().first()).toBeVisible();

    await dashboard.search("back-to-back");
    await expect(dashboard.feedItems()).toHaveCount(2);
    for (const name of featured.backToBack) await expect(dashboard.item(name)).toBeVisible();

    // Search and filters narrow together.
    await dashboard.filter({ provider: "Synthetic" });
    await expect(page.getByText("No workout’s name contains “back-to-back” with these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(dashboard.searchBox()).toHaveValue("");
    await expect(dashboard.feedItems().first()).toBeVisible();
  });

  test("a From date after To is explained at the field, not as a load error", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await dashboard.filter({ from: "2026-03-10", to: "2026-03-01" });
    await expect(dashboard.fieldProblem("To")).toHaveText("“To” must be on or after “From”.");
    await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await dashboard.filter({ to: "2026-03-20" });
    await expect(dashboard.fieldProblem("To")).toHaveCount(0);
  });

  test("the demo's administrator opens the admin page and copies a redirect URI", async ({ page, auth, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await auth.signIn(demoAdmin);
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole("link", { name: "Admin" }).click();
    const admin = new AdminProvidersPage(page);
    await expect(admin.table()).toBeVisible();
    await admin.copyRedirectUri("Strava").click();
    await expect(admin.copyRedirectUri("Strava")).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/api\/providers\/strava\/callback$/);
  });

  test("the training page switches between measures and periods and shows fitness, fatigue and form", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connect(dashboard, ["Synthetic"]);
    await page.getByRole("link", { name: "Training" }).click();
    await expect(page.getByRole("heading", { name: "Distance per week, by sport" })).toBeVisible();
    await expect(page.getByTestId("totals-chart")).toBeVisible();
    await page.getByRole("group", { name: "Measure" }).getByRole("button", { name: "Workouts" }).click();
    await page.getByRole("group", { name: "Period" }).getByRole("button", { name: "Monthly" }).click();
    await expect(page.getByRole("heading", { name: "Workouts per month, by sport" })).toBeVisible();
    await expect(page.getByTestId("load-today")).toContainText(/fitness \d+/);
    await expect(page.getByTestId("load-chart")).toBeVisible();
  });
});
