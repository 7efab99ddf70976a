// Runs the benchmarks (literals, storage, datasets) through flyte-types and the Python SDKs on this machine, one
// process per measurement, and writes bench/RESULTS.md. `npm run bench` builds the package and compiles the
// benchmarks to plain JavaScript (bench/out/js: this file runs from there); they import flyte-types by its name,
// the built dist/esm/, so it runs as users run it, on plain `node`.
// usage: npm run bench [-- --processes 3 --warm 3 --only startup|codec|<case>|storage|dataset --rows 10000000]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { codecBench } from "./codec/codec-run.js";
import { datasetBench } from "./dataset/dataset-run.js";
import { NOISY } from "./method.js";
import { startupBench } from "./startup/startup-run.js";
import { storageBench } from "./storage/storage-run.js";

const { values: args } = parseArgs({
  options: {
    processes: { type: "string", default: "3" },
    warm: { type: "string", default: "3" },
    "codec-warm": { type: "string", default: "2" },
    // Cold transfers only (a fresh process each): moto stopped answering when one process repeated a 1 GiB
    // upload with the raw AWS SDK, twice, so the same W = 0 holds for every side.
    "storage-warm": { type: "string", default: "0" },
    "storage-mib": { type: "string", default: "1024" },
    rows: { type: "string", default: "10000000" },
    "stream-rows": { type: "string", default: "10000000,100000000" },
    "startup-processes": { type: "string", default: "15" },
    only: { type: "string" },
    out: { type: "string" },
  },
});
const root = new URL("../../../..", import.meta.url).pathname;
const python = `${root}.venv/bin/python`;
if (!existsSync(python)) throw new Error(`no ${python}: run npm test once to create the venv`);
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const processes = Number(args.processes);
const only = args.only;
const wants = (section: string) => only === undefined || only === section;

function sdkVersions(): { flytekit: string; flyte: string; pyarrow: string } {
  const code = "import importlib.metadata as m; print(*(m.version(p) for p in ('flytekit', 'flyte', 'pyarrow')))";
  const [flytekit = "?", flyte = "?", pyarrow = "?"] = execFileSync(python, ["-c", code], { encoding: "utf8" })
    .trim()
    .split(" ");
  return { flytekit, flyte, pyarrow };
}

const sections: string[] = [];
if (wants("startup")) sections.push(startupBench({ root, processes: Number(args["startup-processes"]), log }));
const codecOnly = only === "codec" ? undefined : only;
if (only === undefined || only === "codec" || !["storage", "dataset", "startup"].includes(only)) {
  sections.push(codecBench({ root, python, processes, warm: Number(args["codec-warm"]), only: codecOnly, log }));
}
if (wants("storage")) {
  sections.push(
    await storageBench({
      root,
      python,
      processes,
      warm: Number(args["storage-warm"]),
      bytes: Number(args["storage-mib"]) * 1024 ** 2,
      log,
    }),
  );
}
if (wants("dataset")) {
  sections.push(
    datasetBench({
      root,
      python,
      processes,
      warm: Number(args.warm),
      rows: Number(args.rows),
      streamRows: (args["stream-rows"] ?? "").split(",").map(Number),
      log,
    }),
  );
}

const v = sdkVersions();
const preamble = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 1024 ** 3)} GiB,
Node ${process.version}, Python from .venv with flytekit ${v.flytekit}, flyte ${v.flyte}, pyarrow ${v.pyarrow}.

Every figure is measured the same way on every side (bench/method.ts, bench/child.ts, bench/child.py): each
measurement is a fresh process that imports its library, loads its data, then runs the operation 1 + W times with
the same W on every side. **cold** is the first run, including what the library starts lazily; **warm** is each
later run. Implementations are interleaved round by round. Cells are median (min–max) over n = processes × (cold +
warm runs). Peak RSS is the whole process's; "above baseline" is the peak after libraries and data were loaded. Each
row carries the range of the 1-minute load average at its processes' starts; a row whose load reached ${NOISY} is
marked noisy. Each table says what each side runs (the exact API path), the data and the clock. \`npm test\` checks
this file's invariants (bench/check-results.ts).
`;

/** `section` in place of the section of `old` that starts with the same heading line (appended if there is none). */
function splice(old: string, section: string): string {
  const heading = section.slice(0, section.indexOf("\n"));
  const start = old.indexOf(heading);
  if (start < 0) return `${old.trimEnd()}\n\n${section}`;
  const next = old.indexOf("\n## ", start + heading.length);
  return old.slice(0, start) + section.trimEnd() + (next < 0 ? "\n" : `\n${old.slice(next)}`);
}

// A run of one part (--only) replaces its sections and keeps the rest of the results.
const results = args.out ?? `${root}bench/RESULTS.md`;
let out = `${preamble}\n${sections.join("\n")}`;
if (only !== undefined && existsSync(results)) {
  out = readFileSync(results, "utf8");
  out = `${preamble}${out.slice(out.indexOf("\n## "))}`;
  for (const s of sections) out = splice(out, s);
}
// Sections in one order, however they were run.
const ORDER = ["## Start-up", "## Literals", "## Storage", "## StructuredDataset"];
const [head = "", ...rest] = out.split(/\n(?=## )/);
const rank = (sec: string) => {
  const i = ORDER.findIndex((h) => sec.startsWith(h));
  return i < 0 ? ORDER.length : i;
};
out = `${[head, ...rest.sort((a, b) => rank(a) - rank(b))].map((x) => x.trimEnd()).join("\n\n")}\n`;
writeFileSync(results, out);
process.stdout.write(out);
