// StructuredDatasets on local disk: flyte-types beside flytekit (pandas and pyarrow), the same input tables and the
// same reference files on both sides, interleaved, one process per measurement (bench/method.ts); then flyte-types
// streaming from a generator. Returns a RESULTS.md section.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  header,
  interleave,
  loadCell,
  type Measurement,
  measure,
  memoryCells,
  nCell,
  opStats,
  ratioCell,
  row,
  timeCell,
} from "../method.js";

const IMPLS = ["flyte-types", "arrow", "pandas"] as const;
type Impl = (typeof IMPLS)[number];
const LABEL: Record<Impl, string> = {
  "flyte-types": "flyte-types (Arrow Table)",
  arrow: "flytekit (pyarrow Table)",
  pandas: "flytekit (pandas DataFrame)",
};
const DATA = ["real", "easy"] as const;
type Data = (typeof DATA)[number];
/** The reference files every reader reads: one written by flytekit with pyarrow, one by flyte-types. */
const REFS = ["pyarrow", "ours"] as const;
type Ref = (typeof REFS)[number];
const REF_LABEL: Record<Ref, string> = { pyarrow: "written by flytekit (pyarrow)", ours: "written by flyte-types" };
const OPS = [
  { op: "write", label: "write" },
  { op: "read", label: "full read", ref: "pyarrow" },
  { op: "read", label: "full read", ref: "ours" },
  { op: "read1", label: "1-column read (f)", ref: "pyarrow" },
  { op: "read1", label: "1-column read (f)", ref: "ours" },
] as const;

export interface DatasetOptions {
  root: string;
  python: string;
  processes: number;
  warm: number;
  rows: number;
  streamRows: readonly number[];
  log: (s: string) => void;
}

export function datasetBench(o: DatasetOptions): string {
  const dir = mkdtempSync(join(tmpdir(), "flyte-bench-ds-"));
  const child = (impl: Impl, op: string, data: string, literal: string, work: string, warm: number) =>
    impl === "flyte-types"
      ? measure(
          "node",
          [
            "--expose-gc",
            "bench/out/js/bench/dataset/dataset-ts.js",
            op,
            data,
            literal,
            work,
            String(warm),
            String(o.rows),
          ],
          o.root,
        )
      : measure(
          o.python,
          ["bench/dataset/dataset_py.py", impl, op, data, literal, work, String(warm), String(o.rows)],
          o.root,
        );
  const runs = new Map<string, Measurement[]>();
  try {
    o.log(`dataset: writing the input tables (${o.rows} rows)`);
    execFileSync(o.python, ["bench/dataset/make_data.py", String(o.rows), dir], { cwd: o.root, stdio: "inherit" });
    const dataFile = (d: Data) => join(dir, `${d}.arrow`);
    const refFile = (d: Data, r: Ref) => join(dir, `ref-${r}-${d}.pb`);
    for (const d of DATA) {
      o.log(`dataset ${d}: writing the reference files`);
      child("arrow", "write", dataFile(d), refFile(d, "pyarrow"), join(dir, `ref-pyarrow-${d}`), 0);
      child("flyte-types", "write", dataFile(d), refFile(d, "ours"), join(dir, `ref-ours-${d}`), 0);
      for (const spec of OPS) {
        const key = `${d}/${spec.op}/${"ref" in spec ? spec.ref : ""}`;
        interleave(o.processes, IMPLS, (impl, round) => {
          o.log(
            `dataset ${d} ${spec.label} ${"ref" in spec ? spec.ref : ""} ${impl} process ${round + 1}/${o.processes}`,
          );
          const work = mkdtempSync(join(dir, "work-"));
          try {
            const literal = "ref" in spec ? refFile(d, spec.ref) : join(work, "out.pb");
            const m = child(impl, spec.op, dataFile(d), literal, work, o.warm);
            runs.set(`${key}/${impl}`, [...(runs.get(`${key}/${impl}`) ?? []), m]);
          } finally {
            rmSync(work, { recursive: true, force: true });
          }
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const lines: string[] = [];
  for (const d of DATA) {
    for (const spec of OPS) {
      const key = `${d}/${spec.op}/${"ref" in spec ? spec.ref : ""}`;
      const of = (impl: Impl) => runs.get(`${key}/${impl}`) ?? [];
      const ours = opStats(of("flyte-types"), spec.op);
      for (const impl of IMPLS) {
        const s = opStats(of(impl), spec.op);
        const mine = impl === "flyte-types";
        lines.push(
          row([
            d,
            spec.label,
            "ref" in spec ? REF_LABEL[spec.ref] : "–",
            LABEL[impl],
            nCell(s.cold.n, (s.warm?.n ?? 0) / s.cold.n),
            timeCell(s.cold),
            timeCell(s.warm),
            mine ? "" : ratioCell(s.cold, ours.cold),
            mine ? "" : ratioCell(s.warm, ours.warm),
            ...memoryCells(of(impl)),
            loadCell(s.load),
          ]),
        );
      }
    }
  }

  const streams = o.streamRows.map((n) => {
    const ms: Measurement[] = [];
    for (let r = 0; r < o.processes; r++) {
      o.log(`dataset stream ${n} rows process ${r + 1}/${o.processes}`);
      const work = mkdtempSync(join(tmpdir(), "flyte-bench-stream-"));
      try {
        ms.push(
          measure("node", ["--expose-gc", "bench/out/js/bench/dataset/dataset-stream.js", String(n), work], o.root),
        );
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
    const write = opStats(ms, "write");
    const read = opStats(ms, "read");
    const rate = n / 1e6 / (write.cold.median + read.cold.median);
    return row([
      `${n / 1e6}M`,
      "flyte-types (Arrow record batches)",
      nCell(ms.length, 0),
      timeCell(write.cold),
      timeCell(read.cold),
      `${rate.toFixed(1)}M rows/s`,
      ...memoryCells(ms),
      loadCell(write.load),
    ]);
  });

  return `## StructuredDataset: ${o.rows / 1e6}M rows through Parquet on local disk

**Method.** Both sides take the path a task takes. flyte-types (the built package on plain \`node\`): write =
\`engine.interface({ outputs: { o0: structuredDataset() } }).toOutputs({ o0: StructuredDataset.from(ArrowTable, table) })\`
with its defaults (snappy, 256K-row row groups, a pool of two worker threads, \`<uri>/00000\`, \`00001\`, …); read =
\`fromInputs\` then \`open(ArrowTable).all()\`, for the 1-column read with \`structuredDataset({ columns: z.object({ f:
z.number() }) })\`. flytekit 1.16 (pyarrow, snappy, \`<uri>/00000\`): write = \`TypeEngine.dict_to_literal_map\`, which runs
\`TypeEngine.async_to_literal\` as a task's outputs do (not the synchronous \`to_literal\`, which pickles the whole
table as a cache key); read = \`TypeEngine.literal_map_to_kwargs\` as a task's inputs, as \`pd.DataFrame\` / \`pa.Table\`,
the 1-column read \`Annotated[..., kwtypes(f=float)]\`. **Data:** two tables of ${o.rows / 1e6}M rows written once per
run as Arrow IPC files (bench/dataset/make_data.py) and loaded whole by every writing process before its memory
baseline (flytekit's pandas writer converts to a DataFrame there too). *real*: i int64, f random float64 with 10% nulls,
s drawn from 1M distinct random 10-letter strings with 5% nulls, b random bool with 10% nulls. *easy*: i int64, f =
i·0.5, s one of 1,000 short strings, b = i even, no nulls. **Reads** all read the same two reference files per table,
one written by flytekit with pyarrow (one part) and one by flyte-types (parts of 64 MB of Arrow data); the column
"file read" says which. **Clock:** ${o.processes} processes per implementation, interleaved; each runs the operation
${o.warm + 1} times. **cold** is the first run in the process, including what the library starts lazily (for
flyte-types the worker threads and parquet-wasm, for flytekit its lazy imports); **warm** every later run. Cells are
median (min–max), n is processes × (cold + warm runs); "× ours" is their median over ours (above 1: flyte-types is
faster). Peak RSS is the whole process's (it holds the loaded table for writes); "above baseline" is the peak after
the libraries and data were loaded. **load** is the 1-minute load average as each process started ("noisy" at 1.5 or
more).

${header(["data", "op", "file read", "implementation", "n", "cold", "warm", "× ours cold", "× ours warm", "peak RSS", "above baseline", "load"])}
${lines.join("\n")}

### Streaming from a generator to Parquet and back

**Method.** flyte-types only: flytekit has no streaming path for its built-in handlers (its \`iter()\` fails for them).
An async generator yields 65,536-row batches of the *easy* columns; \`engine.toLiteral\` writes them as they come
(parts of at least 64 MB of Arrow data, encoded by both workers), then \`open(ArrowTable).iter()\` reads them back
batch by batch. One cold run of each per process, ${o.processes} processes; the same cells as above.

${header(["rows", "implementation", "n", "write", "read", "throughput", "peak RSS", "above baseline", "load"])}
${streams.join("\n")}
`;
}
