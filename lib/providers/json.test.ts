import { describe, expect, it } from "vitest";
import { parseProviderJson } from "./json";

describe("parseProviderJson", () => {
  it("keeps integers above 2^53 exact as strings", () => {
    const parsed = parseProviderJson('{"logId": 2907044112471568224, "upload_id": 987654321234567891234}') as Record<string, unknown>;
    expect(parsed.logId).toBe("2907044112471568224");
    expect(parsed.upload_id).toBe("987654321234567891234");
    expect(JSON.parse('{"logId": 2907044112471568224}').logId).not.toBe(2907044112471568224n.toString());
  });

  it("leaves safe integers and decimals as numbers", () => {
    expect(parseProviderJson('{"id": 154504250376823, "speed": 2.888999938964844, "n": -7, "e": 1e3}')).toEqual({
      id: 154504250376823,
      speed: 2.888999938964844,
      n: -7,
      e: 1000,
    });
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseProviderJson("<html>oops</html>")).toThrow();
  });
});
