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
};

export const test = base.extend<Fixtures>({
  auth: async ({ page }, use) => use(new AuthPages(page)),
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),
  user: async ({ page, auth }, use) => {
    const user = newUser();
    await auth.register(user);
    await use(user);
  },
});

export { expect, newUser };
