import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { synthetic } from "@/lib/providers/synthetic";
import { createTestApp, type TestApp } from "@/test/test-app";
import { afterFailedSignIn, afterSignIn, beforeSignIn, beforeSignUp } from "./throttle";

let app: TestApp;
// Each case on its own database: the limits are shared state, as they are between processes.
beforeEach(async () => {
  app = await createTestApp({ modules: [synthetic] });
});
afterEach(async () => app.close());

async function fail(email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) {
    await beforeSignIn(email, address);
    await afterFailedSignIn(email, address);
  }
}

describe("sign-in limits", () => {
  it("stops guesses at one account from one address, but not the owner signing in from elsewhere", async () => {
    await fail("owner@x.test", "6.6.6.6", 5);
    await expect(beforeSignIn("owner@x.test", "6.6.6.6")).rejects.toMatchObject({ code: "rate_limited", message: expect.stringMatching(/^Too many failed sign-ins\. Try again in \d+ minutes\.$/) });
    await expect(beforeSignIn("owner@x.test", "203.0.113.1")).resolves.toBeUndefined();
    // The same address may still try other accounts, within its own allowance.
    await expect(beforeSignIn("someone-else@x.test", "6.6.6.6")).resolves.toBeUndefined();
  });

  it("a right password forgets that address's failures on the account", async () => {
    await fail("forgetful@x.test", "198.51.100.1", 4);
    await afterSignIn("forgetful@x.test", "198.51.100.1");
    await fail("forgetful@x.test", "198.51.100.1", 4);
    await expect(beforeSignIn("forgetful@x.test", "198.51.100.1")).resolves.toBeUndefined();
  });

  it("slows an address that sprays many accounts", async () => {
    for (let i = 0; i < 50; i++) {
      await beforeSignIn(`spray${i}@x.test`, "192.0.2.50").catch(() => undefined);
      await afterFailedSignIn(`spray${i}@x.test`, "192.0.2.50");
    }
    await expect(beforeSignIn("fresh@x.test", "192.0.2.50")).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("limits sign-ups per address", async () => {
    for (let i = 0; i < 10; i++) await beforeSignUp("192.0.2.77");
    await expect(beforeSignUp("192.0.2.77")).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many sign-ups from here") });
  });

  it("slows a flood of attempts from everywhere at once", async () => {
    let refused = 0;
    for (let i = 0; i < 120; i++) {
      await beforeSignIn(`flood${i}@x.test`, `10.9.${Math.floor(i / 200)}.${i % 200}`).catch((error: { message: string }) => {
        if (error.message.startsWith("There are too many sign-in attempts right now.")) refused++;
      });
    }
    expect(refused).toBeGreaterThan(50);
  });
});
