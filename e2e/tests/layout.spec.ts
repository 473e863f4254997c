import { reset } from "../../sandbox/control-client";
import { featured } from "../../sandbox/dataset";
import { demoAdmin } from "../../scripts/demo-admin";
import { expectAccessible, expectNoSidewaysScroll } from "../axe";
import { ConsentPage } from "../pages/consent";
import { WorkoutPage } from "../pages/workout";
import { expect, newUser, sandboxUrl, test } from "../fixtures";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

/** Every page a person can reach, signed out and in, with something on it. */
const signedOutPages = ["/", "/signin", "/signup", "/dev/outbox", "/no-such-page"];
const signedInPages = ["/dashboard", "/connections", "/training", "/settings", "/settings/tokens"];

for (const width of [360, 1280]) {
  test(`at ${width} px no page scrolls sideways and axe finds nothing serious`, async ({ page, auth, dashboard, browser, clientAddress }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width, height: 800 });
    for (const path of signedOutPages) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    }

    await auth.register(newUser("layout"));
    await dashboard.startConnect("Garmin");
    await new ConsentPage(page).authorize();
    await expect(dashboard.card("Garmin")).toContainText("Last sync", { timeout: 30_000 });
    await dashboard.startConnect("Strava");
    await new ConsentPage(page).authorize();
    await expect(dashboard.card("Strava")).toContainText("Last sync", { timeout: 30_000 });

    for (const path of signedInPages) {
      await page.goto(path);
      await expect(page.getByRole("main")).not.toBeEmpty();
      await page.waitForLoadState("networkidle");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    }

    if (width === 360) {
      // Feed first: on a phone the first workout is on the first screen, above any connection card.
      await dashboard.goto();
      const first = dashboard.feedItems().first();
      await expect(first).toBeVisible();
      const box = await first.boundingBox();
      expect(box!.y, "the first workout starts within the first screen").toBeLessThan(800);
    }

    await dashboard.search(featured.merged);
    await dashboard.open(dashboard.item(featured.merged));
    const workout = new WorkoutPage(page);
    await expect(workout.routeOutline()).toHaveCount(1);
    await expect(workout.chart("heartRate")).toBeVisible();
    await expectNoSidewaysScroll(page, "an activity page");
    await expectAccessible(page, "an activity page");

    // The admin page, as the demo's administrator.
    const adminContext = await browser.newContext({ viewport: { width, height: 800 }, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    const admin = await adminContext.newPage();
    await admin.goto("/signin");
    await admin.getByLabel("Email").fill(demoAdmin.email);
    await admin.getByLabel("Password").fill(demoAdmin.password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await expect(admin).toHaveURL(/\/dashboard/);
    await admin.goto("/admin/providers");
    await expect(admin.getByRole("table")).toBeVisible();
    await expectNoSidewaysScroll(admin, "/admin/providers");
    await expectAccessible(admin, "/admin/providers");
    await adminContext.close();
  });
}
