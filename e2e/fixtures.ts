import { test as base, expect } from "@playwright/test";
import { AuthPages, newUser } from "./pages/auth";
import { DashboardPage } from "./pages/dashboard";

export const appUrl = process.env.E2E_APP_URL!;
export const sandboxUrl = process.env.E2E_SANDBOX_URL!;

type Fixtures = {
  auth: AuthPages;
  dashboard: DashboardPage;
  /** A signed-up, signed-in user on the dashboard. */
  user: { email: string; password: string; name: string };
  /** The address this test's visitor comes from (see below). */
  clientAddress: string;
};

let visitors = 0;

/**
 * The app under test sits behind a trusted proxy (127.0.0.1, see playwright.config.ts), as a real
 * deployment does: each test is another visitor with an address of its own, so the per-address
 * sign-up and sign-in limits apply to each test as they would to each person.
 */
export const test = base.extend<Fixtures>({
  clientAddress: async ({}, use) => {
    visitors += 1;
    await use(`198.18.${Math.floor(visitors / 250) % 250}.${(visitors % 250) + 1}`);
  },
  extraHTTPHeaders: async ({ extraHTTPHeaders, clientAddress }, use) => use({ ...extraHTTPHeaders, "x-forwarded-for": clientAddress }),
  auth: async ({ page }, use) => use(new AuthPages(page)),
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),
  user: async ({ auth }, use) => {
    const user = newUser();
    await auth.register(user);
    await use(user);
  },
});

export { expect, newUser };
