import path from "node:path";
import { reset } from "../../sandbox/control-client";
import { featured } from "../../sandbox/dataset";
import { ConsentPage } from "../pages/consent";
import { WorkoutPage } from "../pages/workout";
import { expect, sandboxUrl, test } from "../fixtures";

/**
 * The README's screenshots, against the demo's data: `SCREENSHOTS=1 npx playwright test -c
 * e2e/playwright.config.ts screenshots` writes docs/screenshots/*.png. Skipped otherwise.
 */
const out = path.resolve(__dirname, "../../docs/screenshots");

test.skip(!process.env.SCREENSHOTS, "writes the README's screenshots only when asked (SCREENSHOTS=1)");

test("dashboard, activity page and connections, as the demo shows them", async ({ page, dashboard, user }) => {
  test.setTimeout(180_000);
  expect(user).toBeTruthy();
  await reset(sandboxUrl);
  for (const name of ["Garmin", "Strava", "Polar", "WHOOP", "Synthetic"]) {
    await dashboard.startConnect(name);
    if (name !== "Synthetic") await new ConsentPage(page).authorize();
    await expect(dashboard.notice()).toHaveText(`Connected to ${name}`);
  }
  for (const name of ["Garmin", "Strava", "Polar", "WHOOP", "Synthetic"]) await expect(dashboard.card(name)).toContainText("Last sync", { timeout: 60_000 });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await page.screenshot({ path: path.join(out, "connections.png") });

  await dashboard.goto();
  await expect(dashboard.feedItems().first()).toBeVisible();
  await expect(dashboard.thisWeek()).toContainText("workout");
  await page.screenshot({ path: path.join(out, "dashboard.png") });

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(dashboard.feedItems().first()).toBeVisible();
  await page.screenshot({ path: path.join(out, "dashboard-phone.png") });

  await page.setViewportSize({ width: 1280, height: 900 });
  await dashboard.search(featured.merged);
  await dashboard.open(dashboard.item(featured.merged));
  const workout = new WorkoutPage(page);
  await expect(workout.routeOutline()).toHaveCount(1);
  await expect(workout.chart("heartRate")).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, "activity.png"), fullPage: true });

  await page.goto("/training");
  await expect(page.getByTestId("load-chart")).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, "training.png"), fullPage: true });
});
