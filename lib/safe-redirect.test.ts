import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-redirect";

describe("safeReturnPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeReturnPath("/admin/providers?x=1")).toBe("/admin/providers?x=1");
    expect(safeReturnPath("https://evil.example/")).toBe("/dashboard");
    expect(safeReturnPath("//evil.example/")).toBe("/dashboard");
    expect(safeReturnPath("/\\evil.example")).toBe("/dashboard");
    expect(safeReturnPath(undefined)).toBe("/dashboard");
  });
});
