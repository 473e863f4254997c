import type { Page } from "@playwright/test";

/** A provider's consent page in the sandbox (or Terra's widget). */
export class ConsentPage {
  constructor(private readonly page: Page) {}

  async authorize(options: { athlete?: string; terraProvider?: string } = {}) {
    if (options.athlete) await this.page.getByLabel("Athlete").fill(options.athlete);
    if (options.terraProvider) await this.page.getByLabel("Provider").selectOption(options.terraProvider);
    await this.page.getByRole("button", { name: "Authorize" }).click();
  }

  async deny() {
    await this.page.getByRole("button", { name: "Deny" }).click();
  }
}
