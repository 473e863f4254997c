import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3100/api/providers/strava/disconnect", { method: "POST", headers });

describe("assertSameOrigin", () => {
  it("accepts our own origin and the configured public origin", () => {
    expect(() => assertSameOrigin(post({ origin: "http://127.0.0.1:3100" }), [])).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "https://pierre.example.com" }), ["https://pierre.example.com"])).not.toThrow();
  });

  it("refuses other sites and requests without an Origin", () => {
    expect(() => assertSameOrigin(post({ origin: "https://evil.example" }), ["https://pierre.example.com"])).toThrow(/Pierre Connect page/);
    expect(() => assertSameOrigin(post({}), [])).toThrow();
  });
});
