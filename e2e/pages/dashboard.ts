import { expect, type Locator, type Page } from "@playwright/test";

/** The dashboard: one card per registered provider, the feed and its filters. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/dashboard");
  }

  /** A provider's card: the element whose heading is the provider's display name. */
  card(displayName: string): Locator {
    return this.page.getByRole("article", { name: displayName, exact: true });
  }

  cards(): Locator {
    return this.page.locator("article[data-provider]");
  }

  notice(): Locator {
    return this.page.getByTestId("notice");
  }

  /** Starts the connect flow; for OAuth providers this lands on the provider's consent page. */
  async startConnect(displayName: string) {
    await this.card(displayName).getByRole("link", { name: `Connect ${displayName}` }).click();
  }

  async disconnect(displayName: string) {
    await this.card(displayName).getByRole("button", { name: `Disconnect ${displayName}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Disconnect ${displayName}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Disconnect" }).click();
  }

  /** A retired provider's explanation on its card (why, and where its data comes from now). */
  retirement(displayName: string): Locator {
    return this.card(displayName).getByTestId("retirement");
  }

  /** The way from a retired provider to its successor: starts the successor's connect flow. */
  moveLink(fromDisplayName: string, toDisplayName: string): Locator {
    return this.card(fromDisplayName).getByRole("link", { name: `Move to ${toDisplayName}` });
  }

  async moveTo(fromDisplayName: string, toDisplayName: string) {
    await this.moveLink(fromDisplayName, toDisplayName).click();
  }

  async expectStatus(displayName: string, status: "connected" | "disconnected" | "needs_reconnect" | "error" | "not_configured" | "retired") {
    await expect(this.card(displayName)).toHaveAttribute("data-status", status);
  }

  async syncAll() {
    await this.page.getByRole("button", { name: "Sync all now" }).click();
  }

  async syncOne(displayName: string) {
    await this.card(displayName).getByRole("button", { name: `Sync ${displayName} now` }).click();
  }

  feed(): Locator {
    return this.page.getByRole("list", { name: "Activities" });
  }

  feedItems(): Locator {
    return this.feed().getByRole("listitem");
  }

  /** The names on a feed item's "From … Also on …" line. */
  sources(item: Locator): Locator {
    return item.getByTestId("sources");
  }

  /** The feed item for one activity name. */
  item(name: string): Locator {
    return this.feed().getByRole("article", { name, exact: true });
  }

  /** Opens a feed item's own page. */
  async open(item: Locator) {
    await item.getByRole("heading").getByRole("link").click();
    await this.page.waitForURL(/\/activities\//);
  }

  async filter(filters: { provider?: string; sport?: string; from?: string; to?: string }) {
    if (filters.provider !== undefined) await this.page.getByLabel("Provider", { exact: true }).selectOption({ label: filters.provider });
    if (filters.sport !== undefined) await this.page.getByLabel("Sport", { exact: true }).selectOption({ label: filters.sport });
    if (filters.from !== undefined) await this.page.getByLabel("From", { exact: true }).fill(filters.from);
    if (filters.to !== undefined) await this.page.getByLabel("To", { exact: true }).fill(filters.to);
  }
}
