import { describe, expect, it } from "vitest";
import { ProviderRegistry } from "@/lib/providers/registry";
import { synthetic } from "@/lib/providers/synthetic";
import { testConfig } from "@/test/fake-fetch";
import { decodeCursor, encodeCursor, parseBound, parseFeedQuery } from "./params";

const registry = new ProviderRegistry();
registry.register(synthetic, testConfig(synthetic.definition));
const parse = (params: Record<string, string>) => parseFeedQuery(params, registry);

describe("feed parameters", () => {
  it("takes a limit only as a decimal whole number from 1 to 100", () => {
    expect(parse({ limit: "50" }).limit).toBe(50);
    expect(parse({}).limit).toBe(20);
    for (const limit of ["0", "101", "1e2", "0x10", "5.0", "-1", "ten", "1000"]) {
      expect(() => parse({ limit }), limit).toThrow("Invalid limit: must be a whole number from 1 to 100.");
    }
  });

  it("takes from and to only as real ISO dates or date-times with a zone", () => {
    expect(parse({ from: "2025-03-01" }).from).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(parse({ to: "2025-03-01" }).to).toEqual(new Date("2025-03-02T00:00:00Z"));
    expect(parse({ from: "2025-03-01T07:30:00+01:00" }).from).toEqual(new Date("2025-03-01T06:30:00Z"));
    expect(parse({ from: "2024-02-29" }).from).toEqual(new Date("2024-02-29T00:00:00Z"));
    for (const from of ["1", "2025-02-30", "2025-13-01", "March 5", "2025-3-5", "2025-03-01T07:30:00", "2025-03-01T25:00:00Z", "2025-02-29", "1741000000000"]) {
      expect(() => parse({ from }), from).toThrow("Invalid from:");
    }
  });

  it("answers a from after to with a 400 that names both", () => {
    try {
      parse({ from: "2025-03-02", to: "2025-03-01" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, message: "Invalid from and to: from (2025-03-02) must be before to (2025-03-01)." });
    }
  });

  it("never echoes more than a short excerpt of what was sent", () => {
    const long = "x".repeat(100_000);
    for (const params of [{ provider: long }, { from: long }] as Record<string, string>[]) {
      try {
        parse(params);
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message.length).toBeLessThan(300);
      }
    }
  });

  it("round-trips cursors and refuses forged ones", () => {
    expect(decodeCursor(encodeCursor(1_700_000_000_000, "0193a3c2-aaaa"))).toEqual({ startMs: 1_700_000_000_000, id: "0193a3c2-aaaa" });
    expect(() => parse({ cursor: "garbage" })).toThrow("Invalid cursor");
    expect(parseBound("2025-03-01", false)).toEqual(new Date("2025-03-01T00:00:00Z"));
  });
});
