// Runs every case through flyte-types, flytekit and Flyte 2 on this machine, one process each, and writes
// bench/RESULTS.md. usage: npm run bench [-- --ts-runs 7 --py-runs 3 --only <case>|storage|dataset]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { CASES } from "./codec/codec-cases.js";
import { datasetBench } from "./dataset/dataset-run.js";
import { storageBench } from "./storage/storage-run.js";

const { values: args } = parseArgs({
  options: {
    "ts-runs": { type: "string", default: "7" },
    "py-runs": { type: "string", default: "3" },
    only: { type: "string" },
    "storage-runs": { type: "string", default: "3" },
    "dataset-runs": { type: "string", default: "3" },
  },
});
const root = new URL("..", import.meta.url).pathname;
const python = `${root}.venv/bin/python`;

interface Measured {
  encode: number[];
  decode: number[];
  bytes: number;
  maxRssKb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function run(cmd: string, argv: string[]): Measured {
  const out = execFileSync(cmd, argv, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    maxBuffer: 1 << 20,
  });
  const line = out.trim().split("\n").pop() as string;
  return JSON.parse(line) as Measured;
}

function sdkVersions(): Record<string, string> {
  const code = "import importlib.metadata as m; print(m.version('flytekit'), m.version('flyte'))";
  const [flytekit = "?", flyte = "?"] = execFileSync(python, ["-c", code], { encoding: "utf8" }).trim().split(" ");
  return { flytekit, flyte };
}

const fmt = (s: number) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(1)} ms`);
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`;

const havePython = existsSync(python);
const versions = havePython ? sdkVersions() : {};
const lines: string[] = [];
const rows: string[] = [];
for (const c of CASES) {
  if (args.only !== undefined && c.name !== args.only) continue;
  process.stderr.write(`${c.name}: flyte-types…`);
  const ts = run("node", ["--expose-gc", "--import", "tsx", "bench/codec/codec-ts.ts", c.name, args["ts-runs"]]);
  let kit: Measured | undefined;
  let two: Measured | undefined;
  if (havePython) {
    process.stderr.write(" flytekit…");
    kit = run(python, ["bench/codec/codec_py.py", "flytekit", c.name, args["py-runs"]]);
    process.stderr.write(" flyte 2…");
    two = run(python, ["bench/codec/codec_py.py", "flyte2", c.name, args["py-runs"]]);
  }
  process.stderr.write(" done\n");
  for (const op of ["encode", "decode"] as const) {
    const ours = median(ts[op]);
    const k = kit === undefined ? undefined : median(kit[op]);
    const f = two === undefined ? undefined : median(two[op]);
    rows.push(
      `| ${c.what} | ${op} | ${fmt(ours)} | ${k === undefined ? "–" : fmt(k)} | ${f === undefined ? "–" : fmt(f)} | ${k === undefined ? "–" : ratio(k, ours)} | ${f === undefined ? "–" : ratio(f, ours)} |`,
    );
  }
  lines.push(
    `| ${c.what} | ${ts.bytes} | ${mb(ts.maxRssKb)} | ${kit ? `${kit.bytes} / ${mb(kit.maxRssKb)}` : "–"} | ${two ? `${two.bytes} / ${mb(two.maxRssKb)}` : "–"} |`,
  );
}

const storage =
  args.only === undefined || args.only === "storage"
    ? await storageBench(Number(args["storage-runs"]), (s) => process.stderr.write(`${s}\n`))
    : "";

const datasets =
  havePython && (args.only === undefined || args.only === "dataset")
    ? datasetBench(Number(args["dataset-runs"]), (s) => process.stderr.write(`${s}\n`))
    : "";

const doc = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}${
  havePython
    ? `, flytekit ${versions.flytekit}, flyte ${versions.flyte} (Python from .venv)`
    : ", no Python venv (run npm test once to create it)"
}.
Every SDK runs each case in a process of its own, each timed section starting from a collected heap; times are medians (flyte-types: ${args["ts-runs"]} runs after a warm-up,
Python: ${args["py-runs"]} runs). **encode** = values → LiteralMap → bytes; **decode** = bytes → LiteralMap → values, as at a
task boundary. Ratios are Python's time over ours.

| case | op | flyte-types | flytekit | Flyte 2 | vs flytekit | vs Flyte 2 |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Bytes written and peak RSS of the whole process (which holds the input values too):

| case | flyte-types bytes | flyte-types peak RSS | flytekit bytes / peak RSS | Flyte 2 bytes / peak RSS |
|---|---|---|---|---|
${lines.join("\n")}

${storage}
${datasets}`;
/** `section` in place of the section of `old` that starts with the same heading line (appended if there is none). */
function splice(old: string, section: string): string {
  const heading = section.slice(0, section.indexOf("\n"));
  const start = old.indexOf(heading);
  if (start < 0) return `${old.trimEnd()}\n\n${section}`;
  const next = old.indexOf("\n## ", start + heading.length);
  return old.slice(0, start) + section.trimEnd() + (next < 0 ? "\n" : `\n${old.slice(next)}`);
}

// A run of one section alone (--only storage|dataset) replaces that section and keeps the rest of the results.
const results = new URL("RESULTS.md", import.meta.url);
const alone = args.only === "storage" ? storage : args.only === "dataset" ? datasets : undefined;
const out =
  alone !== undefined && alone !== "" && existsSync(results) ? splice(readFileSync(results, "utf8"), alone) : doc;
writeFileSync(results, out);
process.stdout.write(out);
