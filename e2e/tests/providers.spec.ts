import { reset, revokeTokens } from "../../sandbox/control-client";
import { ConsentPage } from "../pages/consent";
import { expect, sandboxUrl, test } from "../fixtures";
import { predecessorsOf, providerIds, providers, unsupported } from "../roster";

test.beforeEach(async () => {
  await reset(sandboxUrl);
});

test.describe("connecting providers", () => {
  test("every registered provider has a card and connects through its own flow", async ({ page, dashboard, user }) => {
    test.setTimeout(180_000);
    expect(user.email).toContain("@e2e.test");
    await dashboard.gotoConnections();
    await expect(dashboard.cards()).toHaveCount(providers.length);
    // Registration order, from the registry.
    await expect(dashboard.cards().getByRole("heading", { level: 2 })).toHaveText(providers.map((p) => p.displayName));

    const consent = new ConsentPage(page);
    const retired = new Set<string>();
    for (const provider of providers) {
      const name = provider.displayName;
      await dashboard.startConnect(name);
      if (provider.connection === "oauth2") {
        await expect(page).toHaveURL(new RegExp(`^${sandboxUrl}/`));
        await expect(page.getByRole("heading", { level: 1 })).toContainText("(sandbox)");
        await consent.authorize();
      } else if (provider.connection === "hosted") {
        await expect(page.getByRole("heading", { name: `${name} (sandbox)` })).toBeVisible();
        await consent.authorize({ terraProvider: "OURA" });
      }
      // Connecting a successor also retires the providers it took over from.
      await expect(dashboard.notice()).toHaveText(new RegExp(`^Connected to ${name}(\\. .+ is disconnected; .+)?$`));
      await dashboard.expectStatus(name, "connected");
      await expect(dashboard.card(name).getByRole("button", { name: `Disconnect ${name}` })).toBeVisible();
      for (const predecessor of predecessorsOf(provider.id)) {
        retired.add(predecessor.id);
        await dashboard.expectStatus(predecessor.displayName, "disconnected");
      }
    }
    await expect(dashboard.card("Terra")).toContainText("Oura via Terra");

    for (const provider of providers) await dashboard.expectStatus(provider.displayName, retired.has(provider.id) ? "disconnected" : "connected");
    // The first sync runs right after each connection.
    for (const provider of providers.filter((p) => !retired.has(p.id))) {
      await expect(dashboard.card(provider.displayName)).toContainText("Last sync", { timeout: 30_000 });
    }
  });

  test("denying consent connects nothing and says so", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await dashboard.startConnect("Fitbit");
    await new ConsentPage(page).deny();
    await expect(dashboard.notice()).toHaveText("You did not grant access to Fitbit, so nothing was connected.");
    await expect(dashboard.notice()).toHaveAttribute("role", "alert");
    await dashboard.expectStatus("Fitbit", "disconnected");
  });

  test("disconnect asks first, then revokes; reconnecting works", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await dashboard.startConnect("WHOOP");
    await new ConsentPage(page).authorize();
    await dashboard.expectStatus("WHOOP", "connected");

    await dashboard.card("WHOOP").getByRole("button", { name: "Disconnect WHOOP" }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect WHOOP?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dashboard.expectStatus("WHOOP", "connected");

    await dashboard.disconnect("WHOOP");
    await expect(page.getByRole("status").filter({ hasText: "Disconnected from WHOOP." })).toBeVisible();
    await dashboard.expectStatus("WHOOP", "disconnected");

    await dashboard.startConnect("WHOOP");
    await new ConsentPage(page).authorize();
    await expect(dashboard.notice()).toHaveText("Connected to WHOOP");
    await dashboard.expectStatus("WHOOP", "connected");
  });

  test("a replayed callback URL is rejected and changes nothing", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await dashboard.startConnect("Strava");
    const callback = page.waitForRequest((request) => request.url().includes("/api/providers/strava/callback"));
    await new ConsentPage(page).authorize();
    const callbackUrl = (await callback).url();
    await expect(dashboard.notice()).toHaveText("Connected to Strava");
    // The history import runs in the background; the card is compared once it has settled.
    await expect(dashboard.card("Strava")).toContainText("Last sync", { timeout: 30_000 });
    const accountBefore = await dashboard.card("Strava").textContent();

    await page.goto(callbackUrl);
    await expect(dashboard.notice()).toHaveText("This Strava connection link was already used. Start again from Connections.");
    await dashboard.expectStatus("Strava", "connected");
    expect(await dashboard.card("Strava").textContent()).toBe(accountBefore);
  });

  test("a token revoked at the provider shows 'needs reconnect', and reconnecting fixes it", async ({ page, dashboard, user }) => {
    expect(user).toBeTruthy();
    await dashboard.startConnect("Strava");
    await new ConsentPage(page).authorize();
    await expect(dashboard.card("Strava")).toContainText("Last sync", { timeout: 20_000 });

    await revokeTokens(sandboxUrl, "strava");
    await dashboard.syncOne("Strava");
    await dashboard.expectStatus("Strava", "needs_reconnect");
    await expect(dashboard.card("Strava")).toContainText("Reconnect Strava");

    await dashboard.card("Strava").getByRole("link", { name: "Reconnect Strava" }).click();
    await new ConsentPage(page).authorize();
    await dashboard.expectStatus("Strava", "connected");
  });

  test("an unknown provider gets the registry's answer", async ({ page, user }) => {
    expect(user).toBeTruthy();
    const expected = { success: false, error: unsupported("nope") };
    for (const response of [
      await page.request.get("/api/providers/nope/connect", { maxRedirects: 0 }),
      await page.request.get("/api/providers/nope"),
      await page.request.post("/api/providers/nope/disconnect", { headers: { origin: new URL(page.url()).origin } }),
    ]) {
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual(expected);
    }
    const statuses = (await (await page.request.get("/api/providers")).json()) as { providers: Record<string, { connected: boolean; status: string }> };
    expect(Object.keys(statuses.providers)).toEqual(providerIds);
    expect(statuses.providers.strava).toMatchObject({ connected: false, status: "disconnected" });
  });

  test("disconnect refuses a request from another site", async ({ page, user }) => {
    expect(user).toBeTruthy();
    const response = await page.request.post("/api/providers/strava/disconnect", { headers: { origin: "https://evil.example" } });
    expect(response.status()).toBe(403);
  });
});
