import { describe, expect, it } from "vitest";
import { allMcpScopes, describeScopes, formatScopes, isMcpScope, parseStoredScopes } from "./scopes";

describe("MCP scopes", () => {
  it("read in words for the consent page", () => {
    expect(describeScopes(allMcpScopes)).toBe("read your activities, correct how your workouts are grouped and manage your connections");
    expect(describeScopes(["activities:read", "connections:manage"])).toBe("read your activities and manage your connections");
    expect(describeScopes(["connections:manage"])).toBe("manage your connections");
  });

  it("are written in one order without repeats, and unknown words are dropped when read back", () => {
    expect(formatScopes(["connections:manage", "activities:read", "connections:manage"])).toBe("activities:read connections:manage");
    expect(parseStoredScopes("connections:manage admin activities:read")).toEqual(["activities:read", "connections:manage"]);
    expect(parseStoredScopes(null)).toEqual([]);
    expect(isMcpScope("activities:read")).toBe(true);
    expect(isMcpScope("toString")).toBe(false);
  });
});
