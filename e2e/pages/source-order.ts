import { expect, type Locator, type Page } from "@playwright/test";

/** Settings → "Which version is shown first". */
export class SourceOrderSettings {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings");
  }

  entries(): Locator {
    return this.page.getByRole("list", { name: "Source order" }).getByRole("listitem");
  }

  /** Moves a source to the top of the list, one step at a time as a person would. */
  async moveToTop(sourceName: string) {
    for (;;) {
      const up = this.page.getByRole("button", { name: `Move ${sourceName} up` });
      if (await up.isDisabled()) return;
      await up.click();
    }
  }

  async save() {
    await this.page.getByRole("button", { name: "Save order" }).click();
    await expect(this.page.getByRole("status")).toContainText("Saved");
  }

  async useDefault() {
    await this.page.getByRole("button", { name: "Use the default order" }).click();
    await expect(this.page.getByRole("status")).toContainText("default order");
  }
}
