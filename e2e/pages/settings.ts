import { expect, type Page } from "@playwright/test";

/** Settings → "Units and time". */
export class DisplaySettings {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings");
  }

  async choose(options: { units?: "Metric (km, m)" | "Imperial (mi, ft)"; weekStart?: string; timeZone?: string }) {
    if (options.units) await this.page.getByLabel("Units", { exact: true }).selectOption({ label: options.units });
    if (options.weekStart) await this.page.getByLabel("First day of the week").selectOption({ label: options.weekStart });
    if (options.timeZone) await this.page.getByLabel("Times shown in").selectOption({ label: options.timeZone });
    await this.page.getByRole("button", { name: "Save units and time" }).click();
    await expect(this.page.getByRole("form", { name: "Units and time" }).getByRole("status")).toHaveText("Saved.");
  }
}
