import { describe, expect, it } from "vitest";
import { remainingAndResetHeaders } from "./rate-limit";

describe("remainingAndResetHeaders", () => {
  const read = remainingAndResetHeaders("Fitbit-Rate-Limit-Remaining", "Fitbit-Rate-Limit-Reset");

  it("reads remaining requests and the reset in seconds", () => {
    const state = read(new Headers({ "fitbit-rate-limit-remaining": "0", "fitbit-rate-limit-reset": "120" }));
    expect(state?.remaining).toBe(0);
    expect(state!.resetAt!.getTime() - Date.now()).toBeGreaterThan(118_000);
  });

  it("ignores responses without the headers or with garbage", () => {
    expect(read(new Headers())).toBeUndefined();
    expect(read(new Headers({ "fitbit-rate-limit-remaining": "lots" }))).toBeUndefined();
    expect(read(new Headers({ "fitbit-rate-limit-remaining": "5" }))).toEqual({ remaining: 5, resetAt: undefined });
  });
});
