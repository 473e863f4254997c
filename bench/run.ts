/**
 * `npm run bench`: every figure of the scale issue, printed as it is measured, then written to
 * bench/RESULTS.md with the machine, the medians and the ratios. Needs the production build
 * (`npm run build`); takes 10–15 minutes, most of it building 1.09M activities once (cached).
 */
import fs from "node:fs";
import path from "node:path";
import { feedFigures } from "./feed";
import { ingestFigures } from "./ingest";
import { machine, print, root, type Figure } from "./support";
import { syncFigures } from "./sync";
import { createWorld } from "./world";

/** `npm run bench -- sync feed` runs only those groups (and leaves RESULTS.md alone). */
const only = process.argv.slice(2);
const wanted = (group: string) => only.length === 0 || only.includes(group);

async function main() {
  const started = new Date();
  const sections: { title: string; figures: Figure[] }[] = [];
  const record = (title: string, figures: Figure[]) => {
    figures.forEach(print);
    sections.push({ title, figures });
  };

  if (wanted("ingest")) {
    console.log("ingest in-process…");
    record("Ingest in-process", await ingestFigures());
  }

  console.log("starting the world (99 people × 10,000 activities, sandbox, next start)…");
  const world = await createWorld();
  try {
    console.log("sync through the server…");
    const { figures, heavy } = await syncFigures(world);
    if (wanted("sync")) record("Sync through the server", figures);
    if (wanted("feed")) {
      console.log("feed…");
      record("Feed", await feedFigures(world, heavy));
    }
  } finally {
    await world.stop();
  }

  if (only.length > 0) process.exit(0);
  const notes = fs.readFileSync(path.join(root, "bench/NOTES.md"), "utf8");
  const lines = [
    "# Benchmark results",
    "",
    `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC by \`npm run bench\` on ${machine()}.`,
    "Every figure is the median of 3 runs; ratios are measured within one run, because the machine is shared.",
    "",
    ...sections.flatMap((section) => [
      `## ${section.title}`,
      "",
      "| figure | measured | target | |",
      "| --- | --- | --- | --- |",
      ...section.figures.map((f) => `| ${f.name} | ${f.value} ${f.unit}${f.detail ? ` (${f.detail})` : ""} | ${f.target} | ${f.pass ? "met" : "**missed**"} |`),
      "",
    ]),
    notes.trim(),
    "",
  ];
  fs.writeFileSync(path.join(root, "bench/RESULTS.md"), lines.join("\n"));
  console.log(`wrote bench/RESULTS.md (${sections.flatMap((s) => s.figures).filter((f) => !f.pass).length} targets missed)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
