import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDirOf, sharedFixturesDir, vendoredSamples } from "./fixtures";

describe("vendored provider samples", () => {
  const samples = vendoredSamples();

  it.skipIf(!fs.existsSync(sharedFixturesDir))("match ../shared/fixtures byte for byte where the shared folder has them", () => {
    const shared = samples.filter(([, name]) => fs.existsSync(path.join(sharedFixturesDir, name)));
    expect(shared.length).toBeGreaterThan(20);
    for (const [provider, name] of shared) {
      expect(fs.readFileSync(path.join(fixturesDirOf(provider), name), "utf8"), name).toBe(fs.readFileSync(path.join(sharedFixturesDir, name), "utf8"));
    }
  });
});
