/**
 * `npm run provider:new <id> ["Display Name"]`: a new provider room from the template in
 * scripts/provider-template/ — definition, client, normalizer, sport table, tests, fixtures and its
 * sandbox module — plus its line in lib/providers/builtin.ts. The result passes the unit suite as it
 * is (the contract test included); then each template value is replaced with the provider's
 * documented one.
 */
import fs from "node:fs";
import path from "node:path";

export interface ScaffoldResult {
  files: string[];
  identifier: string;
}

const templateDir = path.join(__dirname, "provider-template");

/** "acme-fit" → ["acme", "fit"]. */
const words = (id: string) => id.split(/[-_]+/).filter(Boolean);
const pascal = (id: string) => words(id).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
const camel = (id: string) => pascal(id).replace(/^./, (c) => c.toLowerCase());

function problemWith(root: string, id: string): string | undefined {
  if (!/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(id)) return `'${id}' is not a provider id: lower-case letters and digits, words joined by '-' or '_', starting with a letter.`;
  const providersDir = path.join(root, "lib/providers");
  if (fs.existsSync(path.join(providersDir, id))) return `lib/providers/${id} already exists.`;
  // A room named like a shared module (base, types, http…) would make "./<id>" ambiguous.
  if (fs.existsSync(path.join(providersDir, `${id}.ts`))) return `'${id}' is the name of a shared module in lib/providers.`;
  if (fs.existsSync(path.join(root, "sandbox/providers", `${id}.ts`))) return `sandbox/providers/${id}.ts already exists.`;
  const builtin = fs.readFileSync(path.join(providersDir, "builtin.ts"), "utf8");
  if (new RegExp(`from "\\./${id}"`).test(builtin)) return `'${id}' is already registered in lib/providers/builtin.ts.`;
  return undefined;
}

/** Adds `import { <identifier> } from "./<id>"` and the module at the end of `builtInProviders`. */
export function registerInBuiltin(source: string, id: string, identifier: string): string {
  const imports = [...source.matchAll(/^import .*;$/gm)];
  const lastImport = imports.at(-1);
  if (!lastImport) throw new Error("lib/providers/builtin.ts has no imports to add to.");
  const at = lastImport.index! + lastImport[0].length;
  let result = `${source.slice(0, at)}\nimport { ${identifier} } from "./${id}";${source.slice(at)}`;
  const list = /(export const builtInProviders: readonly ProviderModule\[\] = \[)([\s\S]*?)(\];)/.exec(result);
  if (!list) throw new Error("lib/providers/builtin.ts has no `builtInProviders` list.");
  const [whole, open, entries, close] = list as unknown as [string, string, string, string];
  const multiline = entries.includes("\n");
  const body = multiline ? `${entries.replace(/\s*$/, "")}\n  ${identifier},\n` : `${entries.replace(/\s*$/, "")}, ${identifier}`;
  result = result.replace(whole, `${open}${body}${close}`);
  return result;
}

export function scaffoldProvider(root: string, id: string, displayName = words(id).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ")): ScaffoldResult {
  const problem = problemWith(root, id);
  if (problem) throw new Error(problem);
  const identifier = camel(id);
  const fill = (text: string) =>
    text
      .replaceAll("__DisplayName__", displayName)
      .replaceAll("__Name__", pascal(id))
      .replaceAll("__name__", identifier)
      .replaceAll("__ID__", id.toUpperCase().replace(/-/g, "_"))
      .replaceAll("__id__", id)
      .replaceAll("__date__", new Date().toISOString().slice(0, 10));

  const files: string[] = [];
  const write = (target: string, template: string) => {
    const file = path.join(root, fill(target));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fill(fs.readFileSync(template, "utf8")), { flag: "wx" });
    files.push(path.relative(root, file));
  };

  const roomTemplates = path.join(templateDir, "room");
  for (const entry of fs.readdirSync(roomTemplates, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".tmpl")) continue;
    const template = path.join(entry.parentPath, entry.name);
    const relative = path.relative(roomTemplates, template).replace(/\.tmpl$/, "");
    write(path.join("lib/providers/__id__", relative), template);
  }
  write("sandbox/providers/__id__.ts", path.join(templateDir, "sandbox/module.ts.tmpl"));

  const builtinPath = path.join(root, "lib/providers/builtin.ts");
  fs.writeFileSync(builtinPath, registerInBuiltin(fs.readFileSync(builtinPath, "utf8"), id, identifier));
  files.push("lib/providers/builtin.ts");
  return { files, identifier };
}

function main(argv: string[]): number {
  const [id, ...name] = argv;
  if (!id || id.startsWith("-")) {
    console.error('Usage: npm run provider:new <id> ["Display Name"]   e.g. npm run provider:new acme "Acme Fitness"');
    return 2;
  }
  const root = path.resolve(__dirname, "..");
  try {
    const { files } = scaffoldProvider(root, id, name.length ? name.join(" ") : undefined);
    console.log(`Provider '${id}' added:\n${files.map((f) => `  ${f}`).join("\n")}`);
    console.log(
      [
        "",
        "Next:",
        `  1. Replace the template's values in lib/providers/${id}/definition.ts with the provider's documented endpoints, scopes and OAuth quirks.`,
        `  2. Make client.ts and normalize.ts speak its API, with its real samples in fixtures/ and its documented sport codes in fixtures/documented-sport-codes.json.`,
        `  3. Make sandbox/providers/${id}.ts answer in the same wire format.`,
        `  4. npx vitest run lib/providers/${id} lib/providers/contract.test.ts`,
        `  5. Set PIERRE_${id.toUpperCase().replace(/-/g, "_")}_CLIENT_ID and PIERRE_${id.toUpperCase().replace(/-/g, "_")}_CLIENT_SECRET.`,
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) process.exitCode = main(process.argv.slice(2));
