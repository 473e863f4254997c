import { reset } from "../../sandbox/control-client";
import { ConsentPage } from "../pages/consent";
import { expect, sandboxUrl, test } from "../fixtures";
import { providers } from "../roster";

// The retired provider and the one that took over its data, as the registry declares them.
const retired = providers.find((p) => p.retirement?.successor)!;
const successor = providers.find((p) => p.id === retired.retirement!.successor)!;

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

test.describe(`moving from ${retired.displayName} to ${successor.displayName}`, () => {
  test("a connected card explains the shutdown and moves the person over; the old workouts and the new ones are one history", async ({ page, dashboard, user }) => {
    test.setTimeout(120_000);
    expect(user).toBeTruthy();
    const consent = new ConsentPage(page);

    await dashboard.startConnect(retired.displayName);
    await consent.authorize({ athlete: "migrant" });
    await expect(dashboard.notice()).toHaveText(`Connected to ${retired.displayName}`);
    await expect(dashboard.card(retired.displayName)).toContainText("Last sync", { timeout: 30_000 });

    await expect(dashboard.retirement(retired.displayName)).toContainText(retired.retirement!.reason);
    await expect(dashboard.retirement(retired.displayName)).toContainText(`stay in your history`);
    await expect(dashboard.moveLink(retired.displayName, successor.displayName)).toBeVisible();

    await page.reload();
    await dashboard.filter({ provider: retired.displayName });
    await expect(dashboard.feedItems().first()).toBeVisible();
    const before = await dashboard.feedItems().count();
    expect(before).toBeGreaterThan(0);

    // The move is the successor's own consent, with the same account.
    await dashboard.moveTo(retired.displayName, successor.displayName);
    await expect(page).toHaveURL(new RegExp(`^${sandboxUrl}/${successor.id}/`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${successor.displayName} (sandbox)`);
    await consent.authorize({ athlete: "migrant" });

    await expect(dashboard.notice()).toHaveText(
      `Connected to ${successor.displayName}. ${retired.displayName} is disconnected; the workouts stored from it stay in your history.`,
    );
    await dashboard.expectStatus(successor.displayName, "connected");
    await dashboard.expectStatus(retired.displayName, "disconnected");
    await expect(dashboard.retirement(retired.displayName)).toContainText(`Your data now comes from ${successor.displayName}.`);
    await expect(dashboard.moveLink(retired.displayName, successor.displayName)).toHaveCount(0);
    await expect(dashboard.card(successor.displayName)).toContainText("Last sync", { timeout: 30_000 });

    // The old provider's workouts are still there, each joined by the successor's record of it.
    await page.reload();
    await dashboard.filter({ provider: retired.displayName });
    await expect(dashboard.feedItems()).toHaveCount(before);
    for (const item of await dashboard.feedItems().all()) {
      const sources = dashboard.sources(item);
      await expect(sources).toContainText(retired.displayName);
      await expect(sources).toContainText("Also on");
      await expect(sources).toContainText(successor.displayName);
    }
    // Nothing appears twice across the whole feed either.
    await dashboard.filter({ provider: "All providers" });
    await expect(dashboard.feedItems()).toHaveCount(before);
  });
});
