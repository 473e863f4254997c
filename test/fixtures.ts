import fs from "node:fs";
import path from "node:path";
import { parseProviderJson } from "@/lib/providers/json";

const root = path.resolve(__dirname, "..");
export const providersDir = path.join(root, "lib/providers");
export const sharedFixturesDir = path.resolve(root, "../shared/fixtures/providers/samples");

/** A provider's fixture folder: `lib/providers/<id>/fixtures`. */
export function fixturesDirOf(provider: string): string {
  return path.join(providersDir, provider, "fixtures");
}

/**
 * A provider sample parsed the way the app parses provider responses (big ids kept exact). Samples
 * are named `<provider>-<what>.json` and live in their provider's room.
 */
export function loadFixture(name: string, provider = name.slice(0, name.indexOf("-"))): unknown {
  return parseProviderJson(fs.readFileSync(path.join(fixturesDirOf(provider), name), "utf8"));
}

/** Every vendored sample of every provider room, as [provider, file name]. */
export function vendoredSamples(): [string, string][] {
  return fs
    .readdirSync(providersDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(fixturesDirOf(entry.name)))
    .flatMap((entry) =>
      fs
        .readdirSync(fixturesDirOf(entry.name))
        .filter((name) => name.startsWith(`${entry.name}-`) && name.endsWith(".json"))
        .map((name): [string, string] => [entry.name, name]),
    );
}
