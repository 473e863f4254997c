import fs from "node:fs";
import path from "node:path";
import { parseProviderJson } from "@/lib/providers/json";

export const fixturesDir = path.resolve(__dirname, "fixtures/providers");
export const sharedFixturesDir = path.resolve(__dirname, "../../../shared/fixtures/providers/samples");

/** A provider sample parsed the way the app parses provider responses (big ids kept exact). */
export function loadFixture(name: string): unknown {
  return parseProviderJson(fs.readFileSync(path.join(fixturesDir, name), "utf8"));
}
