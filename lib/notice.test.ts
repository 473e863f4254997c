import { describe, expect, it } from "vitest";
import { noticeParams, readNotice } from "./notice";

describe("signed notices", () => {
  it("round-trips a notice and rejects forged or altered ones", () => {
    const params = Object.fromEntries(noticeParams("secret", { kind: "success", text: "Connected to Strava" }));
    expect(readNotice("secret", params)).toEqual({ kind: "success", text: "Connected to Strava" });
    expect(readNotice("secret", { ...params, notice: "Your account is locked, call +1 555" })).toBeNull();
    expect(readNotice("secret", { ...params, kind: "error" })).toBeNull();
    expect(readNotice("other", params)).toBeNull();
    expect(readNotice("secret", { notice: "hi", kind: "success" })).toBeNull();
  });
});
