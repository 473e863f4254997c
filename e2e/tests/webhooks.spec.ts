import { reset } from "../../sandbox/control-client";
import { ConsentPage } from "../pages/consent";
import { RecordWorkoutPage } from "../pages/record-workout";
import { expect, sandboxUrl, test } from "../fixtures";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

test.describe("data that arrives on its own", () => {
  test("a workout recorded at the provider appears on the open dashboard through its webhook, without a click", async ({ page, context, dashboard, user }) => {
    expect(user).toBeTruthy();
    const athlete = `runner-${Date.now()}`;
    await dashboard.startConnect("Garmin");
    await new ConsentPage(page).authorize({ athlete });
    await expect(dashboard.notice()).toHaveText("Connected to Garmin");
    await expect(dashboard.card("Garmin")).toContainText("Last sync", { timeout: 30_000 });
    await dashboard.goto();
    await expect(dashboard.feed()).toBeVisible();

    // In another tab, as a newcomer would: the sandbox's page records a workout at Garmin.
    const record = new RecordWorkoutPage(await context.newPage());
    await record.goto(sandboxUrl);
    const name = await record.record("Garmin", athlete, "ride");

    // The dashboard tab is not touched: the webhook, the job and the live events bring it there.
    await expect(dashboard.item(name)).toBeVisible({ timeout: 15_000 });
    await expect(dashboard.sources(dashboard.item(name))).toContainText("Garmin");
  });
});
