import { expect, newUser, test } from "../fixtures";

test.describe("accounts", () => {
  test("a signed-out visitor to the dashboard is sent to sign-in and comes back after", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp(user);
    await auth.signOut();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("sign up, sign out, sign in", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(auth.signedInAs()).toHaveText(user.email);
    await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();

    await auth.signOut();
    await expect(auth.signedInAs()).toHaveCount(0);

    await auth.signIn(user);
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(auth.signedInAs()).toHaveText(user.email);
  });

  test("a wrong password and an unknown email get the same message", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp(user);
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

    // Nothing was created by the failed attempts: this email cannot sign in yet…
    await auth.signIn({ email: user.email, password: "short" });
    await expect(auth.alert()).toHaveText("Wrong email or password.");

    // …and can sign up now; a second sign-up with it is refused.
    await auth.signUp(user);
    await expect(page).toHaveURL(/\/dashboard/);
    await auth.signOut();
    await auth.signUp({ ...user, email: user.email.toUpperCase() });
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  });

  test("the sign-in form is usable by keyboard alone", async ({ page, auth }) => {
    const user = newUser();
    await auth.signUp(user);
    await auth.signOut();
    await page.getByLabel("Email").focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(user.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard/);
  });
});
