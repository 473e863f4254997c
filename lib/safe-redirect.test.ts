import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-redirect";

describe("safeReturnPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    expect(safeReturnPath("/admin/providers?x=1#top")).toBe("/admin/providers?x=1#top");
    expect(safeReturnPath("/dashboard")).toBe("/dashboard");
    expect(safeReturnPath("/a/../settings/tokens")).toBe("/settings/tokens");
  });

  it("refuses absolute, protocol-relative and missing values", () => {
    for (const value of ["https://evil.example/", "//evil.example/", "http:evil.example", "javascript:alert(1)", "evil.example", "", undefined, null]) {
      expect(safeReturnPath(value), String(value)).toBe("/dashboard");
    }
  });

  it("refuses every backslash variant, which browsers read as a slash", () => {
    for (const value of ["/\\evil.example", "/\\/evil.example", "\\\\evil.example", "/\\\\evil.example", "/%5Cevil.example/../\\evil.example"]) {
      expect(new URL(safeReturnPath(value), "https://pierre.example").origin, value).toBe("https://pierre.example");
    }
  });

  it("refuses a control character anywhere that would turn the path into another host", () => {
    for (let code = 0; code < 0x20; code++) {
      const c = String.fromCharCode(code);
      for (const value of [`/${c}/evil.example`, `/${c}\\evil.example`, `${c}//evil.example`, `/${c}${c}/evil.example`, `/\\${c}/evil.example`]) {
        const kept = safeReturnPath(value);
        // Wherever the browser resolves what we answer, it stays on our site.
        expect(new URL(kept, "https://pierre.example").origin, JSON.stringify(value)).toBe("https://pierre.example");
        expect(kept.startsWith("//")).toBe(false);
      }
    }
    expect(safeReturnPath("/\t/evil.example")).toBe("/dashboard");
    expect(safeReturnPath("/\n/evil.example")).toBe("/dashboard");
    expect(safeReturnPath("/\x7f/evil.example")).toBe("/%7F/evil.example");
  });
});
