// The README's performance claims, made from bench/RESULTS.md (`npm run docs:bench`), so that the README says what
// the last measurement found, better or worse. test/bench/readme-claims.test.ts checks that the README's block is
// what this makes from the committed results.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Table, tables } from "./check-results.js";

export const START = "<!-- bench-claims: generated from bench/RESULTS.md by npm run docs:bench -->";
export const END = "<!-- /bench-claims -->";

type Row = Record<string, string>;

function rowsOf(all: readonly Table[], section: string, header: string): Row[] {
  const t = all.find((x) => x.section.startsWith(section) && x.header.includes(header));
  if (t === undefined) throw new Error(`RESULTS.md has no "${section}" table with a "${header}" column`);
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, k) => [h, r[k] ?? ""])));
}

const ratio = (cell: string | undefined) => Number.parseFloat(cell ?? "");
const median = (cell: string | undefined) => (cell ?? "").replace(/ \(.*\)$/, "");

/** "3.1–54.2×" over the cells, or one figure. */
function span(cells: readonly (string | undefined)[]): string {
  const xs = cells.map(ratio).filter((x) => Number.isFinite(x));
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  return lo.toFixed(1) === hi.toFixed(1) ? `${lo.toFixed(1)}×` : `${lo.toFixed(1)}–${hi.toFixed(1)}×`;
}

/** Their time over ours, said in the direction it points: "flyte-types 1.3× faster" or "flytekit 1.2× faster". */
function verdict(theirs: string, cell: string | undefined): string {
  const r = ratio(cell);
  if (!Number.isFinite(r)) return "not measured";
  if (r >= 1.005) return `flyte-types ${r.toFixed(2)}× faster`;
  if (r <= 0.995) return `${theirs} ${(1 / r).toFixed(2)}× faster`;
  return "even";
}

export function claims(results: string): string {
  const all = tables(results).tables;
  const codec = rowsOf(all, "Literals at a task boundary", "× ours warm");
  const sdk = (name: string) => codec.filter((r) => r.implementation === name);
  const imports = rowsOf(all, "Literals at a task boundary", "import");
  const importOf = (name: string) => median(imports.find((r) => r.implementation === name)?.import);
  const startup = rowsOf(all, "Start-up", "× zod");
  const cold = (m: string) => startup.find((r) => r.implementation === `import("${m}")`);
  const storage = rowsOf(all, "Storage", "of raw warm");
  // Warm figures when the run had warm transfers, else the cold ones (each transfer a fresh process).
  const clock = storage.every((r) => r.warm === "–") ? "cold" : "warm";
  const ofRaw = (op: string, impl: string) =>
    storage.find((r) => r.op === op && (r.implementation ?? "").startsWith(impl))?.[`of raw ${clock}`] ?? "–";
  const ds = rowsOf(all, "StructuredDataset", "× ours warm");
  const dsRow = (data: string, op: string, impl: string) =>
    ds.find(
      (r) =>
        r.data === data &&
        r.op === op &&
        (r.implementation ?? "").startsWith(impl) &&
        (r["file read"] === "–" || r["file read"] === "written by flytekit (pyarrow)"),
    );
  const dsLine = (data: string, op: string) => {
    const ours = dsRow(data, op, "flyte-types");
    const kit = dsRow(data, op, "flytekit (pyarrow");
    return `${op} ${median(ours?.cold)} cold / ${median(ours?.warm)} warm against flytekit with pyarrow's ${median(kit?.cold)} / ${median(kit?.warm)} (cold: ${verdict("flytekit", kit?.["× ours cold"])}; warm: ${verdict("flytekit", kit?.["× ours warm"])}; memory above the loaded baseline ${ours?.["above baseline"]} against ${kit?.["above baseline"]})`;
  };
  const stream = rowsOf(all, "Streaming", "throughput");
  const heading = /^## StructuredDataset: (\S+) rows/m.exec(results)?.[1] ?? "";
  const lines = [
    `- **Literals at a task boundary** (a list of 1M integers, a 100k-entry string map, 100k records; encode and decode): flyte-types is ${span(sdk("flytekit").map((r) => r["× ours warm"]))} faster than flytekit and ${span(sdk("Flyte 2").map((r) => r["× ours warm"]))} faster than Flyte 2 warm, ${span(sdk("flytekit").map((r) => r["× ours cold"]))} and ${span(sdk("Flyte 2").map((r) => r["× ours cold"]))} cold.`,
    `- **Start-up**: a cold \`import("flyte-types")\` takes ${median(cold("flyte-types")?.import)}, ${cold("flyte-types")?.["× zod"]} zod's own ${median(cold("zod")?.import)}; with the benchmark's case module, flyte-types imports in ${importOf("flyte-types")}, flytekit in ${importOf("flytekit")}, Flyte 2 in ${importOf("Flyte 2")}.`,
    `- **${heading} rows of realistic data through Parquet on local disk**, read from the file flytekit wrote: ${dsLine("real", "write")}; ${dsLine("real", "full read")}; ${dsLine("real", "1-column read (f)")}. Cold runs include starting the worker threads and parquet-wasm.`,
    `- **Streaming** from a generator to Parquet and back: ${stream.map((r) => `${r.rows} rows at ${r.throughput} with a peak RSS of ${r["peak RSS"]}`).join(", ")}.`,
    `- **S3** (${/^## Storage: (.+) through/m.exec(results)?.[1] ?? "?"} through a local server, ${clock}): flyte-types uploads at ${ofRaw("upload", "flyte-types")} and downloads at ${ofRaw("download", "flyte-types")} of the raw AWS SDK's speed; flytekit (s3fs) at ${ofRaw("upload", "flytekit")} / ${ofRaw("download", "flytekit")}, Flyte 2 (obstore) at ${ofRaw("upload", "Flyte 2")} / ${ofRaw("download", "Flyte 2")}.`,
  ];
  return `${START}\n\n${lines.join("\n")}\n\n${END}`;
}

/** `readme` with its claims block replaced by `block`. */
export function withClaims(readme: string, block: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
  return readme.slice(0, a) + block + readme.slice(b + END.length);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = new URL("../README.md", import.meta.url);
  const results = new URL("./RESULTS.md", import.meta.url);
  writeFileSync(readme, withClaims(readFileSync(readme, "utf8"), claims(readFileSync(results, "utf8"))));
}
