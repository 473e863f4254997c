import { expect, type Locator, type Page } from "@playwright/test";

export class TokensPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/tokens");
  }

  /** Creates a token and returns its value, which the page shows once. */
  async create(name: string): Promise<string> {
    await this.page.getByLabel("Token name").fill(name);
    await this.page.getByRole("button", { name: "Create token" }).click();
    const value = this.page.getByTestId("new-token");
    await expect(value).toBeVisible();
    return (await value.textContent())!.trim();
  }

  row(name: string): Locator {
    return this.page.locator(`tr[data-token-name="${name}"]`);
  }

  async revoke(name: string) {
    await this.row(name).getByRole("button", { name: `Revoke ${name}` }).click();
    // Revoking asks first.
    await this.page.getByRole("dialog", { name: `Revoke “${name}”?` }).getByRole("button", { name: "Revoke token" }).click();
    await expect(this.row(name)).toContainText("Revoked");
  }

  /** An app authorized over MCP OAuth, in the "Authorized apps" table. */
  app(name: string): Locator {
    return this.page.locator(`tr[data-app-name="${name}"]`);
  }

  async revokeApp(name: string) {
    await this.app(name).getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(this.app(name)).toHaveCount(0);
  }
}
