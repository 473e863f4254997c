import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The feed-first dashboard (this week, the source strip, the feed with search and filters) and
 * the connections page with one card per registered provider. Methods that act on cards go to
 * /connections first when the browser is elsewhere, and feed methods back to /dashboard, as a
 * person would by the header's links.
 */
export class DashboardPage {
  /** `origin`: another instance of the app than the configured one (tests of several instances). */
  constructor(
    readonly page: Page,
    private readonly origin = "",
  ) {}

  async goto() {
    await this.page.goto(`${this.origin}/dashboard`);
  }

  async gotoConnections() {
    await this.page.goto(`${this.origin}/connections`);
  }

  private onPath(path: string): boolean {
    return new URL(this.page.url()).pathname === path;
  }

  private async toConnections() {
    if (!this.onPath("/connections")) await this.gotoConnections();
  }

  private async toFeed() {
    if (!this.onPath("/dashboard")) await this.goto();
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

  /** The dashboard's one line about sources. */
  strip(): Locator {
    return this.page.getByTestId("provider-strip");
  }

  thisWeek(): Locator {
    return this.page.getByRole("region", { name: "This week" });
  }

  /** Starts the connect flow; for OAuth providers this lands on the provider's consent page. */
  async startConnect(displayName: string) {
    await this.toConnections();
    await this.card(displayName).getByRole("link", { name: `Connect ${displayName}` }).click();
  }

  async disconnect(displayName: string) {
    await this.toConnections();
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
    await this.toConnections();
    await this.moveLink(fromDisplayName, toDisplayName).click();
  }

  async expectStatus(displayName: string, status: "connected" | "disconnected" | "needs_reconnect" | "error" | "not_configured" | "retired") {
    await this.toConnections();
    await expect(this.card(displayName)).toHaveAttribute("data-status", status);
  }

  async syncAll() {
    await this.toConnections();
    await this.page.getByRole("button", { name: "Sync all now" }).click();
  }

  async syncOne(displayName: string) {
    await this.toConnections();
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

  searchBox(): Locator {
    return this.page.getByRole("searchbox", { name: "Search workouts by name" });
  }

  async search(text: string) {
    await this.toFeed();
    await this.searchBox().fill(text);
  }

  async filter(filters: { provider?: string; sport?: string; from?: string; to?: string }) {
    await this.toFeed();
    const toggle = this.page.getByRole("button", { name: /^Filters/ });
    // On a narrow screen the filters sit behind a button.
    if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
    if (filters.provider !== undefined) await this.page.getByLabel("Provider", { exact: true }).selectOption({ label: filters.provider });
    if (filters.sport !== undefined) await this.page.getByLabel("Sport", { exact: true }).selectOption({ label: filters.sport });
    if (filters.from !== undefined) await this.page.getByLabel("From", { exact: true }).fill(filters.from);
    if (filters.to !== undefined) await this.page.getByLabel("To", { exact: true }).fill(filters.to);
  }

  /** The explanation shown beside a filter field. */
  fieldProblem(label: "From" | "To"): Locator {
    return this.page.locator(`#filter-${label.toLowerCase()}-problem`);
  }
}
