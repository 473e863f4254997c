import type { Locator, Page } from "@playwright/test";

/** Our own consent page, where a signed-in person allows or denies an app that connects over MCP. */
export class AuthorizeAppPage {
  constructor(private readonly page: Page) {}

  /** Opens the authorization URL an app built, as the person's browser would. */
  async open(authorizationUrl: URL) {
    await this.page.goto(authorizationUrl.toString());
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  permissions(): Locator {
    return this.page.getByRole("list", { name: "What the app may do" }).getByRole("listitem");
  }

  async allow() {
    await this.answer("Allow");
  }

  async deny() {
    await this.answer("Deny");
  }

  /** Waits until the browser has left for the app, so the next navigation cannot interrupt that one. */
  private async answer(button: "Allow" | "Deny") {
    await Promise.all([
      this.page.waitForURL((url) => !url.pathname.startsWith("/oauth/authorize")),
      this.page.getByRole("button", { name: button }).click(),
    ]);
  }

  /**
   * Stands in for the app's redirect URI (an app would listen there): the browser's arrival is
   * answered in place, and `arrived` gives the URL it arrived with.
   */
  async catchRedirect(redirectUrl: string): Promise<{ arrived: Promise<URL> }> {
    let resolve: (url: URL) => void;
    const arrived = new Promise<URL>((done) => (resolve = done));
    await this.page.route(`${redirectUrl}**`, async (route) => {
      await route.fulfill({ contentType: "text/plain", body: "Authorization finished. You can close this window." });
      resolve(new URL(route.request().url()));
    });
    return { arrived };
  }
}
