import { expect, type Page } from "@playwright/test";

export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: { email: string; password: string; name?: string }) {
    await this.page.goto("/signup");
    if (user.name) await this.page.getByLabel("Name (optional)").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  /** The sign-up form's answer, the same for a new and a taken address. */
  checkYourEmail() {
    return this.page.getByRole("status").filter({ hasText: "Check your email to continue." });
  }

  /** Opens the newest confirmation link mailed to `email`, from the demo's outbox. */
  async confirmFromOutbox(email: string) {
    await this.page.goto("/dev/outbox");
    const mail = this.page.getByTestId("outbox-mail").filter({ hasText: email }).filter({ hasText: "Confirm your address" }).first();
    await mail.getByRole("link").click();
    await expect(this.page.getByRole("heading", { name: "Your address is confirmed" })).toBeVisible();
  }

  /** A ready account: sign up, confirm the address from the outbox, sign in. Ends on the dashboard. */
  async register(user: { email: string; password: string; name?: string }) {
    await this.signUp(user);
    await expect(this.checkYourEmail()).toBeVisible();
    await this.confirmFromOutbox(user.email);
    await this.signIn(user);
    await expect(this.page).toHaveURL(/\/dashboard/);
  }

  async signIn(user: { email: string; password: string }, path = "/signin") {
    await this.page.goto(path);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/signin/);
  }

  signedInAs() {
    return this.page.getByTestId("signed-in-user");
  }

  /** The form's error; scoped to <main> because Next's route announcer is an alert too. */
  alert() {
    return this.page.getByRole("main").getByRole("alert");
  }
}

let counter = 0;

/** A fresh account per test, so tests never depend on each other's data. */
export function newUser(prefix = "user") {
  counter += 1;
  return { email: `${prefix}-${Date.now()}-${counter}@e2e.test`, password: "correct horse battery", name: "Test Athlete" };
}
