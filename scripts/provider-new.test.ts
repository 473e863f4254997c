import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerInBuiltin, scaffoldProvider } from "./provider-new";

const repo = path.resolve(__dirname, "..");
let root: string;

// A copy of just what the scaffolder reads and writes: the registry list and the folders it adds to.
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "provider-new-"));
  fs.mkdirSync(path.join(root, "lib/providers/strava"), { recursive: true });
  fs.mkdirSync(path.join(root, "sandbox/providers"), { recursive: true });
  fs.copyFileSync(path.join(repo, "lib/providers/builtin.ts"), path.join(root, "lib/providers/builtin.ts"));
  fs.writeFileSync(path.join(root, "lib/providers/types.ts"), "");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("npm run provider:new", () => {
  it("writes the room, its fixtures and sandbox module from the template, and the registry line", () => {
    const { files, identifier } = scaffoldProvider(root, "acme-fit", "Acme Fit");
    expect(identifier).toBe("acmeFit");
    expect(files).toEqual(
      expect.arrayContaining([
        "lib/providers/acme-fit/definition.ts",
        "lib/providers/acme-fit/client.ts",
        "lib/providers/acme-fit/normalize.ts",
        "lib/providers/acme-fit/normalize.test.ts",
        "lib/providers/acme-fit/sports.ts",
        "lib/providers/acme-fit/sports.test.ts",
        "lib/providers/acme-fit/index.ts",
        "lib/providers/acme-fit/fixtures/acme-fit-list-workouts.json",
        "lib/providers/acme-fit/fixtures/documented-sport-codes.json",
        "sandbox/providers/acme-fit.ts",
        "lib/providers/builtin.ts",
      ]),
    );
    for (const file of files) expect(fs.readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/__[A-Za-z]+__/);
    const definition = fs.readFileSync(path.join(root, "lib/providers/acme-fit/definition.ts"), "utf8");
    expect(definition).toContain('id: "acme-fit"');
    expect(definition).toContain('displayName: "Acme Fit"');
    expect(definition).toContain("export const acmeFitDefinition");
    expect(fs.readFileSync(path.join(root, "lib/providers/acme-fit/index.ts"), "utf8")).toContain("new AcmeFitClient(");
    const builtin = fs.readFileSync(path.join(root, "lib/providers/builtin.ts"), "utf8");
    expect(builtin).toContain('import { acmeFit } from "./acme-fit";');
    expect(builtin).toMatch(/\n  acmeFit,\n\];/);
  });

  it("refuses a bad id, an existing room, a shared module's name and a registered provider", () => {
    expect(() => scaffoldProvider(root, "Acme")).toThrow("is not a provider id");
    expect(() => scaffoldProvider(root, "9lives")).toThrow("is not a provider id");
    expect(() => scaffoldProvider(root, "strava")).toThrow("lib/providers/strava already exists");
    expect(() => scaffoldProvider(root, "types")).toThrow("shared module");
    fs.rmSync(path.join(root, "lib/providers/strava"), { recursive: true });
    expect(() => scaffoldProvider(root, "strava")).toThrow("already registered");
  });

  it("adds to a one-line list as well", () => {
    const source = 'import { a } from "./a";\nimport type { ProviderModule } from "./types";\n\nexport const builtInProviders: readonly ProviderModule[] = [a];\n';
    expect(registerInBuiltin(source, "b-c", "bC")).toBe(
      'import { a } from "./a";\nimport type { ProviderModule } from "./types";\nimport { bC } from "./b-c";\n\nexport const builtInProviders: readonly ProviderModule[] = [a, bC];\n',
    );
  });
});
