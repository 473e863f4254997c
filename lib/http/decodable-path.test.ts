import { describe, expect, it } from "vitest";
import { decodablePath } from "./decodable-path";

describe("decodablePath", () => {
  it("leaves valid paths alone", () => {
    expect(decodablePath("/api/providers/strava/connect")).toBe("/api/providers/strava/connect");
    expect(decodablePath("/api/providers/caf%C3%A9")).toBe("/api/providers/caf%C3%A9");
  });

  it("escapes the percent signs of a segment that does not decode, so it reads literally", () => {
    expect(decodablePath("/api/providers/%ff%fe")).toBe("/api/providers/%25ff%25fe");
    expect(decodablePath("/api/providers/%E0%A4%A/callback")).toBe("/api/providers/%25E0%25A4%25A/callback");
    expect(decodeURIComponent(decodablePath("/api/providers/%ff%fe").split("/")[3]!)).toBe("%ff%fe");
  });
});
