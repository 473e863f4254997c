import type { Locator, Page } from "@playwright/test";

export class AdminProvidersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    return this.page.goto("/admin/providers");
  }

  table(): Locator {
    return this.page.getByRole("table", { name: "Effective configuration of each registered provider" });
  }

  row(providerId: string): Locator {
    return this.table().locator(`tr[data-provider="${providerId}"]`);
  }

  copyRedirectUri(displayName: string): Locator {
    return this.page.getByRole("button", { name: `Copy ${displayName}'s redirect URI` });
  }
}
