import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The sandbox's "Record a workout now" page: a workout that just ended reaches the chosen provider,
 * whose webhook then goes to the app.
 */
export class RecordWorkoutPage {
  constructor(readonly page: Page) {}

  async goto(sandboxUrl: string) {
    await this.page.goto(`${sandboxUrl}/record`);
  }

  /** The result line after recording. */
  result(): Locator {
    return this.page.getByRole("status");
  }

  /** Records a workout for the account a person named on the provider's consent page; returns its name. */
  async record(providerName: string, athlete: string, sport = "run"): Promise<string> {
    await this.page.getByLabel("Provider and account").selectOption({ label: `${providerName} — ${athlete}` });
    await this.page.getByLabel("Sport").selectOption(sport);
    await this.page.getByRole("button", { name: "Record a workout now" }).click();
    await expect(this.result()).toContainText("HTTP 200");
    return /“(.+)”/.exec((await this.result().textContent()) ?? "")![1]!;
  }
}
