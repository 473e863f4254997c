import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle";

const options = { freeAttempts: 3, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 8_000 };

describe("SignInThrottle", () => {
  it("lets the first failures through, then makes each further attempt wait longer", () => {
    const throttle = new SignInThrottle(options);
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitMs("1.2.3.4", t)).toBe(0);
      throttle.recordFailure("1.2.3.4", t);
    }
    expect(throttle.waitMs("1.2.3.4", t)).toBe(1_000);
    throttle.recordFailure("1.2.3.4", t + 1_000);
    expect(throttle.waitMs("1.2.3.4", t + 1_000)).toBe(2_000);
    throttle.recordFailure("1.2.3.4", t + 3_000);
    throttle.recordFailure("1.2.3.4", t + 3_000);
    throttle.recordFailure("1.2.3.4", t + 3_000);
    expect(throttle.waitMs("1.2.3.4", t + 3_000)).toBe(8_000); // capped
    expect(throttle.waitMs("5.6.7.8", t)).toBe(0); // other addresses are not affected
  });

  it("forgets failures after a success or once the window has passed", () => {
    const throttle = new SignInThrottle(options);
    for (let i = 0; i < 4; i++) throttle.recordFailure("a", 0);
    expect(throttle.waitMs("a", 0)).toBeGreaterThan(0);
    expect(throttle.waitMs("a", 61_000)).toBe(0);
    for (let i = 0; i < 4; i++) throttle.recordFailure("b", 0);
    throttle.recordSuccess("b");
    expect(throttle.waitMs("b", 0)).toBe(0);
  });
});
