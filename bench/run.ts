/**
 * `npm run bench`: every figure of the scale issues, printed as it is measured, then written to
 * bench/RESULTS.md with the machine, the medians and the ratios. Needs the production build
 * (`npm run build`). The ingest, sync, feed and two-instance figures are measured on SQLite and,
 * when PostgreSQL is installed (npm run bench starts a throwaway cluster), on PostgreSQL too.
 * Takes 40–50 minutes with both engines; building 1.09M activities the first time adds 10 (cached).
 */
import fs from "node:fs";
import path from "node:path";
import { availableEngines, engineLabel, titleOn, type Engine } from "./engines";
import { feedFigures } from "./feed";
import { ingestFigures } from "./ingest";
import { instanceFigures } from "./instances";
import { roundFigures } from "./round";
import { machine, print, root, type Figure } from "./support";
import { syncFigures } from "./sync";
import { webhookFigures } from "./webhooks";
import { basePerson, createWorld, type Person } from "./world";

/**
 * `npm run bench -- sync feed` runs only those groups (and replaces only their sections of
 * RESULTS.md); `sqlite` or `postgres` among them keeps to that engine.
 */
const args = process.argv.slice(2);
const only = args.filter((arg) => arg !== "sqlite" && arg !== "postgres");
const wanted = (group: string) => only.length === 0 || only.includes(group);
const engines = availableEngines().filter((engine) => !args.some((arg) => arg === "sqlite" || arg === "postgres") || args.includes(engine));

async function main() {
  const started = new Date();
  const sections: { title: string; figures: Figure[] }[] = [];
  const record = (title: string, figures: Figure[]) => {
    figures.forEach(print);
    sections.push({ title, figures });
  };

  if (args.includes("postgres") && !engines.includes("postgres")) throw new Error("PostgreSQL is not available: install it (apt-get install -y postgresql) or set PIERRE_TEST_DATABASE_URL");
  console.log(`engines: ${engines.map((engine) => engineLabel[engine]).join(", ")}`);

  for (const engine of engines) {
    if (!wanted("ingest")) break;
    console.log(`ingest in-process on ${engineLabel[engine]}…`);
    record(titleOn("Ingest in-process", engine), await ingestFigures(engine));
  }

  if (wanted("round")) {
    console.log("a scheduled round for 1,000 people…");
    record("Scheduled round against the providers' limits", await roundFigures());
  }

  if (wanted("webhooks")) {
    console.log("webhooks through next start…");
    record("Webhooks", await webhookFigures());
  }

  const worldGroups = ["sync", "feed", "instances"].filter(wanted);
  for (const engine of worldGroups.length ? engines : []) await worldRun(engine, record);

  finish(started, sections);
}

/** The groups that need the 1.09M-activity world, on one engine (the feed reads the person the sync built). */
async function worldRun(engine: Engine, record: (title: string, figures: Figure[]) => void): Promise<void> {
  console.log(`starting the world on ${engineLabel[engine]} (99 people × 10,000 activities, sandbox, next start)…`);
  const world = await createWorld({ engine });
  try {
    let heavy: Person;
    if (wanted("sync") || wanted("feed")) {
      console.log("sync through the server…");
      const outcome = await syncFigures(world);
      heavy = outcome.heavy;
      if (wanted("sync")) record(titleOn("Sync through the server", engine), outcome.figures);
    } else {
      // Two instances alone: a person of the base (10,000 workouts) reads the feed; its first page costs what a 100k one's does.
      heavy = await basePerson();
    }
    if (wanted("feed")) {
      console.log("feed…");
      record(titleOn("Feed", engine), await feedFigures(world, heavy));
    }
    if (wanted("instances")) {
      console.log("two instances against one…");
      record(titleOn("Two instances on one database", engine), await instanceFigures(world, heavy));
    }
  } finally {
    await world.stop();
  }
}

/**
 * Writes bench/RESULTS.md: each group's section carries its own date, so `npm run bench -- round`
 * replaces that section and keeps the others as they were measured.
 */
function finish(started: Date, sections: { title: string; figures: Figure[] }[]): void {
  const file = path.join(root, "bench/RESULTS.md");
  const kept = new Map<string, string>();
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  for (const match of previous.matchAll(/<!-- section: (.+?) -->\n([\s\S]*?)<!-- end section -->\n/g)) kept.set(match[1]!, match[2]!);
  const when = `${started.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  for (const section of sections) {
    kept.set(
      section.title,
      [
        `## ${section.title}`,
        "",
        `Measured ${when} on ${machine()}.`,
        "",
        "| figure | measured | target | |",
        "| --- | --- | --- | --- |",
        ...section.figures.map((f) => `| ${f.name} | ${f.value} ${f.unit}${f.detail ? ` (${f.detail})` : ""} | ${f.target} | ${f.pass ? "met" : "**missed**"} |`),
        "",
      ].join("\n"),
    );
  }
  const notes = fs.readFileSync(path.join(root, "bench/NOTES.md"), "utf8");
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (each section by its group). Figures are medians of 3 runs where repeated; ratios are measured within one run, because the machine is shared.",
    "",
    ...[...kept].map(([title, body]) => `<!-- section: ${title} -->\n${body}<!-- end section -->`),
    "",
    notes.trim(),
    "",
  ];
  fs.writeFileSync(file, lines.join("\n"));
  console.log(`wrote bench/RESULTS.md (${sections.flatMap((s) => s.figures).filter((f) => !f.pass).length} targets missed in this run)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
