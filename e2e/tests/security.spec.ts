import { expect, newUser, test } from "../fixtures";
import { providerIds } from "../roster";

const registered = `Supported providers: ${providerIds.join(", ")}`;

test.describe("security at the HTTP surface", () => {
  test("pages and API answers carry the security headers, scripts only with this response's nonce", async ({ page, request }) => {
    const response = await page.goto("/signin");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Plain http here: no HSTS (it would be sent for an https base URL).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script the page runs carries the nonce of this response.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const scripts = await page.locator("script").evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const value of scripts) expect(value).toBe(nonce);
    // The page works under that policy: the form is interactive.
    await page.getByLabel("Email").fill("x@y.test");
    const api = await request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a provider id that does not decode is an unknown provider (404), never a crash", async ({ request }) => {
    for (const [method, path] of [
      ["GET", "/api/providers/%ff%fe"],
      ["GET", "/api/providers/%ff%fe/connect"],
      ["GET", "/api/providers/%E0%A4%A/callback"],
      ["POST", "/api/providers/%ff%fe/disconnect"],
    ] as const) {
      const response = await request.fetch(path, { method, maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(((await response.json()) as { error: string }).error).toContain(registered);
    }
  });

  test("a body larger than 64 KiB is refused with 413 before anything reads it", async ({ request }) => {
    const big = JSON.stringify({ provider: "x".repeat(70 * 1024) });
    for (const path of ["/api/sync", "/api/mcp"]) {
      const response = await request.post(path, { data: big, headers: { "content-type": "application/json" } });
      expect(response.status(), path).toBe(413);
    }
  });

  test("after sign-in, a return path that a browser would read as another site stays on ours", async ({ page, auth }) => {
    const user = newUser();
    await auth.register(user);
    await auth.signOut();
    for (const callback of ["/%09/evil.example", "/%5C/evil.example", "//evil.example", "https://evil.example/"]) {
      await page.goto(`/signin?callbackUrl=${callback}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/dashboard/);
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
      await auth.signOut();
    }
  });

  test("addresses a client adds in front of the proxy's do not buy more guesses", async ({ playwright, baseURL }) => {
    const victim = `victim-${Date.now()}@e2e.test`;
    let last = "";
    for (let i = 0; i < 7; i++) {
      // The proxy appends the real address last; whatever the client wrote before it is not believed.
      const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `10.0.${i}.${i}, 203.0.113.66` } });
      const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const answer = await context.post("/api/auth/callback/credentials", {
        form: { csrfToken: csrf.csrfToken, email: victim, password: `guess-${i}`, json: "true" },
        maxRedirects: 0,
      });
      last = decodeURIComponent(answer.headers().location ?? (await answer.text()));
      await context.dispose();
    }
    expect(last).toContain("Too many failed sign-ins");
  });
});
