import { sandboxCredentials } from "../../sandbox/env";
import { AdminProvidersPage } from "../pages/admin";
import { appUrl, expect, newUser, sandboxUrl, test } from "../fixtures";
import { providerIds as providers, providers as definitions } from "../roster";

const adminEmail = "admin@e2e.test";
const knownSecret = "sandbox-strava-secret";
/** Every secret the server holds for a provider: client secrets and secret settings. */
const secrets = definitions
  .filter((d) => d.requiresCredentials)
  .flatMap((d) => [sandboxCredentials(d).clientSecret, ...(d.settings ?? []).filter((s) => s.secret).map((s) => sandboxCredentials(d).settings[s.key]!)]);

test.describe("admin: provider configuration", () => {
  test("an admin sees every provider's effective configuration, never a client secret", async ({ page, auth, request }) => {
    const admin = { ...newUser("admin"), email: adminEmail };
    // A listed address becomes an admin only once its owner has confirmed it.
    await auth.signUp(admin);
    await expect(auth.checkYourEmail()).toBeVisible();
    await auth.signIn(admin);
    const confirmFirst = auth.alert().filter({ hasText: "Confirm your email address first" });
    // A retried test finds the admin account already confirmed and signed in.
    await expect(confirmFirst.or(auth.signedInAs())).toBeVisible();
    if (await confirmFirst.isVisible()) {
      await auth.confirmFromOutbox(admin.email);
      await auth.signIn(admin);
    }
    await expect(page).toHaveURL(/\/dashboard/);
    await page.getByRole("link", { name: "Admin" }).click();

    const adminPage = new AdminProvidersPage(page);
    await expect(adminPage.table()).toBeVisible();
    await expect(adminPage.table().locator("tbody tr")).toHaveCount(providers.length);
    for (const id of providers) await expect(adminPage.row(id)).toBeVisible();

    const strava = adminPage.row("strava");
    await expect(strava.getByRole("rowheader")).toContainText("Strava");
    await expect(strava).toContainText("Configured");
    await expect(strava).toContainText("sandbox-strava-client");
    await expect(strava).toContainText("set");
    await expect(strava).toContainText(`${appUrl}/api/providers/strava/callback`);
    await expect(strava).toContainText(`${sandboxUrl}/strava/oauth/authorize`);
    await expect(strava).toContainText("from PIERRE_STRAVA_AUTH_URL");
    await expect(strava).toContainText("read, activity:read_all");
    await expect(adminPage.row("synthetic")).toContainText("Always available");
    await expect(adminPage.row("synthetic")).toContainText("default provider");

    // Settings beyond the client (an API subscription key) are shown like the client secret: set or missing.
    for (const definition of definitions) {
      for (const setting of definition.settings ?? []) {
        const cell = adminPage.row(definition.id).locator(`[data-setting="${setting.key}"]`);
        await expect(cell).toContainText(setting.label);
        if (setting.secret) await expect(cell).toContainText("set");
      }
    }

    const html = await page.content();
    for (const secret of [knownSecret, ...secrets]) expect(html).not.toContain(secret);

    const api = await page.request.get("/api/admin/providers");
    expect(api.status()).toBe(200);
    const text = await api.text();
    for (const secret of [knownSecret, ...secrets]) expect(text).not.toContain(secret);
    const body = JSON.parse(text) as { defaultProvider: string; providers: { id: string; clientSecret: { state: string } }[] };
    expect(body.defaultProvider).toBe("synthetic");
    expect(body.providers.map((p) => p.id)).toEqual(providers);
    expect(body.providers[0]!.clientSecret).toEqual({ state: "set", variable: "PIERRE_STRAVA_CLIENT_SECRET" });

    // Signed out, the API refuses too.
    expect((await request.get("/api/admin/providers")).status()).toBe(401);
  });

  test("a user who is not an admin gets 403 from the page and the API", async ({ page, user }) => {
    expect(user.email).not.toBe(adminEmail);
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    const response = await page.goto("/admin/providers");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403 — Administrators only" })).toBeVisible();
    expect(await page.content()).not.toContain(knownSecret);
    const api = await page.request.get("/api/admin/providers");
    expect(api.status()).toBe(403);
    expect(await api.json()).toEqual({ success: false, error: "Administrators only." });
  });

  test("a signed-out visitor is sent to sign-in", async ({ page }) => {
    await page.goto("/admin/providers");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fproviders/);
  });
});
