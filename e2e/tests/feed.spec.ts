import { addActivities, failNext, reset } from "../../sandbox/control-client";
import { featured } from "../../sandbox/dataset";
import { ConsentPage } from "../pages/consent";
import { expect, sandboxUrl, test } from "../fixtures";
import type { DashboardPage } from "../pages/dashboard";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

async function connectAndWait(dashboard: DashboardPage, names: string[]) {
  for (const name of names) {
    await dashboard.startConnect(name);
    if (name !== "Synthetic") await new ConsentPage(dashboard.page).authorize();
    await expect(dashboard.notice()).toHaveText(`Connected to ${name}`);
  }
  for (const name of names) await expect(dashboard.card(name)).toContainText("Last sync", { timeout: 30_000 });
  await dashboard.goto();
}

test.describe("the merged activity feed", () => {
  test("Garmin + Strava + Synthetic: one feed, each workout once with 'also on' badges; filters; infinite scroll", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await addActivities(sandboxUrl, "strava", [
      { id: 4242, name: "<img src=x onerror=alert(1)>", sport_type: "Run", start_date: new Date(Date.now() - 30 * 60_000).toISOString(), elapsed_time: 900, distance: 2500 },
    ]);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await connectAndWait(dashboard, ["Garmin", "Strava", "Synthetic"]);

    // The hostile name is shown as text and runs nothing.
    await expect(dashboard.item("<img src=x onerror=alert(1)>")).toBeVisible();
    expect(dialogs).toBe(0);

    // Narrow to runs on Garmin to find the featured workouts quickly.
    await dashboard.filter({ provider: "Garmin", sport: "Run" });
    const merged = dashboard.item(featured.merged);
    await expect(merged).toHaveCount(1);
    const sources = merged.getByTestId("sources");
    await expect(sources).toContainText(/From\s*Garmin\s*Also on\s*Strava/);
    // Sandbox ids name nothing on the real sites: no links there.
    await expect(sources.getByRole("link")).toHaveCount(0);
    await expect(merged).toContainText("/km");
    for (const name of featured.backToBack) await expect(dashboard.item(name)).toHaveCount(1);
    for (const item of await dashboard.feedItems().all()) await expect(item).toContainText("Run");

    await dashboard.filter({ provider: "All providers", sport: "Ride" });
    await expect(dashboard.item(featured.indoorRide)).toHaveCount(1);
    await expect(dashboard.feedItems().first()).toContainText("km/h");

    // Synthetic adds a year of history: scrolling loads the next pages.
    await dashboard.filter({ provider: "Synthetic", sport: "All sports" });
    await expect(dashboard.feedItems()).toHaveCount(20);
    await dashboard.feedItems().last().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => dashboard.feedItems().count(), { timeout: 15_000 }).toBeGreaterThan(20);

    await dashboard.filter({ provider: "All providers", from: "2000-01-01", to: "2000-01-31" });
    await expect(page.getByText("No activities match these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(dashboard.feedItems().first()).toBeVisible();

    await expect(dashboard.thisWeek()).toBeVisible();
  });

  test("a failing provider shows its error on its card while the others still sync", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await connectAndWait(dashboard, ["WHOOP", "COROS"]);
    await failNext(sandboxUrl, { provider: "whoop", count: 3, status: 500 });
    await dashboard.syncAll();
    await expect(dashboard.card("WHOOP")).toHaveAttribute("data-status", "error");
    await expect(dashboard.card("WHOOP").getByRole("alert")).toContainText("WHOOP had a server error (HTTP 500)");
    await expect(dashboard.card("COROS")).toHaveAttribute("data-status", "connected");
    await expect(dashboard.card("COROS")).toContainText("Last sync");
    await expect(page.getByRole("button", { name: "Sync all now" })).toBeEnabled();

    // It recovers on the next sync.
    await dashboard.syncOne("WHOOP");
    await expect(dashboard.card("WHOOP")).toHaveAttribute("data-status", "connected");
  });

  test("the feed tells a new person what to do", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await expect(page.getByRole("main").getByRole("link", { name: "Connect a provider" })).toBeVisible();
    await expect(dashboard.thisWeek()).toContainText("0 workouts");
    await expect(dashboard.strip()).toContainText("No source connected yet.");
  });
});
