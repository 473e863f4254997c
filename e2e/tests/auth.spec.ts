import { expect, newUser, test } from "../fixtures";

test.describe("accounts", () => {
  test("a signed-out visitor to the dashboard is sent to sign-in and comes back after", async ({ page, auth }) => {
    const user = newUser();
    await auth.register(user);
    await auth.signOut();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("sign up, confirm the address, sign in, sign out", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp(user);
    await expect(auth.checkYourEmail()).toBeVisible();
    // Not confirmed yet: the right password gets a new link, not a session.
    await auth.signIn(user);
    await expect(auth.alert()).toHaveText("Confirm your email address first: we have sent you a new link.");
    await auth.confirmFromOutbox(user.email);
    await auth.signIn(user);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(auth.signedInAs()).toHaveText(user.email);
    await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
    await auth.signOut();
    await expect(auth.signedInAs()).toHaveCount(0);
  });

  test("sign-up answers the same for a taken address, and tells the owner by mail", async ({ page, auth }) => {
    const user = newUser();
    await auth.register(user);
    await auth.signOut();
    await auth.signUp({ ...user, email: user.email.toUpperCase(), password: "another password 1" });
    await expect(auth.checkYourEmail()).toBeVisible();
    await page.goto("/dev/outbox");
    await expect(page.getByTestId("outbox-mail").filter({ hasText: user.email }).filter({ hasText: "You already have a Pierre Connect account" })).toHaveCount(1);
    // The account is unchanged: the old password still works, the new one does not.
    await auth.signIn({ ...user, password: "another password 1" });
    await expect(auth.alert()).toHaveText("Wrong email or password.");
    await auth.signIn(user);
    await expect(page).toHaveURL(/\/dashboard/);
  });

  test("a wrong password and an unknown email get the same message", async ({ page, auth }) => {
    const user = newUser();
    await auth.register(user);
    await auth.signOut();

    await auth.signIn({ email: user.email, password: "not the password" });
    await expect(auth.alert()).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/signin/);

    await auth.signIn({ email: `nobody-${user.email}`, password: user.password });
    await expect(auth.alert()).toHaveText("Wrong email or password.");
  });

  test("sign-up explains bad input and leaves no partial account", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp({ email: "not-an-email", password: user.password });
    await expect(page.getByText("Enter a valid email address, like you@example.com.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

    await auth.signUp({ email: user.email, password: "short" });
    await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();

    await auth.signUp({ email: user.email, password: "" });
    await expect(page.getByText("Enter a password.")).toBeVisible();

    // Nothing was created by the failed attempts: no mail went to this address.
    await page.goto("/dev/outbox");
    await expect(page.getByTestId("outbox-mail").filter({ hasText: user.email })).toHaveCount(0);
  });

  test("signing out ends the session for a copied cookie too, and sign out everywhere ends every session", async ({ page, auth, browser }) => {
    const user = newUser();
    await auth.register(user);
    const copied = await page.context().cookies();
    const elsewhere = await browser.newContext();
    await elsewhere.addCookies(copied);
    const other = await elsewhere.newPage();
    await other.goto("/dashboard");
    await expect(other).toHaveURL(/\/dashboard/);

    // Signing out here ends this session: the copy of its cookie no longer works.
    await auth.signOut();
    const reused = await elsewhere.request.get("/api/providers");
    expect(reused.status()).toBe(401);

    // Two live sessions; "sign out everywhere" from one ends both.
    await auth.signIn(user);
    const second = await browser.newContext();
    const secondPage = await second.newPage();
    await secondPage.goto("/signin");
    await secondPage.getByLabel("Email").fill(user.email);
    await secondPage.getByLabel("Password").fill(user.password);
    await secondPage.getByRole("button", { name: "Sign in" }).click();
    await expect(secondPage).toHaveURL(/\/dashboard/);
    await page.goto("/settings");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await second.request.get("/api/providers")).status()).toBe(401);
    await elsewhere.close();
    await second.close();
  });

  test("the sign-in form is usable by keyboard alone", async ({ page, auth }) => {
    const user = newUser();
    await auth.register(user);
    await auth.signOut();
    await page.getByLabel("Email").focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard/);
  });
});
