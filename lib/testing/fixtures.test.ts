import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, sharedFixturesDir } from "./fixtures";

describe("vendored provider fixtures", () => {
  const vendored = fs.readdirSync(fixturesDir).filter((name) => name.endsWith(".json"));

  it("has a sample for every built-in OAuth provider", () => {
    for (const provider of ["strava", "garmin", "fitbit", "whoop", "polar", "coros", "terra"]) {
      expect(vendored.some((name) => name.startsWith(`${provider}-`))).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync(sharedFixturesDir))("matches ../shared/fixtures byte for byte", () => {
    for (const name of vendored) {
      expect(fs.readFileSync(path.join(fixturesDir, name), "utf8"), name).toBe(fs.readFileSync(path.join(sharedFixturesDir, name), "utf8"));
    }
  });
});
