// 10M rows × {int64, float64, utf8, bool} as a StructuredDataset on local disk: flyte-types (Arrow ⇄ Parquet)
// beside flytekit writing and reading a pandas frame and a pyarrow Table; then 10M and 100M rows streamed from a
// generator to Parquet and back. Every measurement in a process of its own. Returns a RESULTS.md section.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const python = `${root}.venv/bin/python`;
const ROWS = 10_000_000;
const OPS = ["write", "read", "read1"] as const;
type Op = (typeof OPS)[number];
const IMPLS = ["flyte-types", "pandas", "arrow"] as const;
type Impl = (typeof IMPLS)[number];
const LABEL: Record<Impl, string> = {
  "flyte-types": "flyte-types (Arrow Table)",
  pandas: "flytekit (pandas DataFrame)",
  arrow: "flytekit (pyarrow Table)",
};
const OP_LABEL: Record<Op, string> = { write: "write", read: "full read", read1: "1-column read (f)" };

/** Each read and write runs this many times in its process: the first is cold, the fastest of the rest is warm. */
const REPS = 3;

interface Run {
  seconds: number;
  warmSeconds?: number;
  maxRssKb: number;
  write?: number;
  read?: number;
}

function measure(impl: Impl, op: string, rows: number, dir: string, reps = 1): Run {
  const [cmd, argv] =
    impl === "flyte-types"
      ? ["node", ["--import", "tsx", "bench/dataset/dataset-ts.ts", op, String(rows), dir, String(reps)]]
      : [python, ["bench/dataset/dataset_py.py", impl, op, String(rows), dir, String(reps)]];
  const out = execFileSync(cmd, argv as string[], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return JSON.parse(out.trim().split("\n").pop() as string) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

export function datasetBench(runs: number, log: (s: string) => void): string {
  const results = new Map<string, Run[]>();
  const key = (impl: Impl, op: Op) => `${impl}/${op}`;
  for (let r = 0; r < runs; r++) {
    for (const impl of IMPLS) {
      const dir = mkdtempSync(join(tmpdir(), `flyte-bench-ds-${impl}-`));
      try {
        for (const op of OPS) {
          log(`dataset ${impl} ${op} run ${r + 1}/${runs}…`);
          const list = results.get(key(impl, op)) ?? [];
          list.push(measure(impl, op, ROWS, dir, REPS));
          results.set(key(impl, op), list);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const runsOf = (impl: Impl, op: Op) => results.get(key(impl, op)) ?? [];
  const sec = (impl: Impl, op: Op) => median(runsOf(impl, op).map((x) => x.seconds));
  const warm = (impl: Impl, op: Op) => median(runsOf(impl, op).map((x) => x.warmSeconds ?? x.seconds));
  const rss = (impl: Impl, op: Op) => Math.max(...runsOf(impl, op).map((x) => x.maxRssKb));
  const vs = (t: (impl: Impl, op: Op) => number, impl: Impl, op: Op) =>
    impl === "flyte-types" ? "" : `${(t(impl, op) / t("flyte-types", op)).toFixed(2)}×`;
  const rows = OPS.flatMap((op) =>
    IMPLS.map(
      (impl) =>
        `| ${OP_LABEL[op]} | ${LABEL[impl]} | ${sec(impl, op).toFixed(2)} s | ${vs(sec, impl, op)} | ${warm(impl, op).toFixed(2)} s | ${vs(warm, impl, op)} | ${mb(rss(impl, op))} |`,
    ),
  );
  const subset = (impl: Impl, t: (impl: Impl, op: Op) => number) => (t(impl, "read") / t(impl, "read1")).toFixed(1);

  const streams = [10_000_000, 100_000_000].map((n) => {
    log(`dataset stream ${n} rows…`);
    const dir = mkdtempSync(join(tmpdir(), "flyte-bench-stream-"));
    try {
      return { n, run: measure("flyte-types", "stream", n, dir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const [s10, s100] = streams as [{ n: number; run: Run }, { n: number; run: Run }];
  const streamRows = streams.map(
    ({ n, run }) =>
      `| ${n / 1e6}M | ${run.write?.toFixed(2)} s | ${run.read?.toFixed(2)} s | ${(n / 1e6 / run.seconds).toFixed(1)}M rows/s | ${mb(run.maxRssKb)} |`,
  );

  return `## StructuredDataset: 10M rows through Parquet on local disk

Columns i int64, f float64, s utf8 (1,000 distinct), b bool: 240 MB as Arrow. flyte-types writes with its defaults
(snappy, 1M-row row groups, two worker threads, \`<uri>/00000\` and \`00001\`); flytekit 1.16 writes \`<uri>/00000\` with
pyarrow (snappy). Times are the conversion call alone (\`toLiteral\`; \`toValue\` + \`open(ArrowTable).all()\`;
\`to_literal\` / \`to_python_value\`), medians of ${runs} processes. Each process loads the libraries (and, for
flyte-types, starts the workers) before the clock, then runs the operation ${REPS} times: **cold** is the first run, as
in a task that converts one dataset; **warm** the fastest of the others, as in a service converting many (for
flyte-types the wasm code is then optimised and its memory grown). The ratio is flytekit's time over ours (below 1
means flytekit is faster). Peak RSS is the whole process's, over all its runs, holding the frame.

| op | implementation | cold | flytekit / ours | warm | flytekit / ours | peak RSS |
|---|---|---|---|---|---|---|
${rows.join("\n")}

A 1-column read is ${subset("flyte-types", sec)}× faster than a full read in flyte-types cold, ${subset("flyte-types", warm)}× warm
(flytekit pandas ${subset("pandas", sec)}× / ${subset("pandas", warm)}×, pyarrow ${subset("arrow", sec)}× / ${subset("arrow", warm)}×).

### Streaming from a generator to Parquet and back

An async generator yields 65,536-row batches; \`toLiteral\` writes them as they come (parts of at least 64 MB of
Arrow data, written by both workers), then \`open(ArrowTable).iter()\` reads them back batch by batch. flytekit has no
streaming path for its built-in handlers (its \`iter()\` fails for them), so there is no Python column.

| rows | write | read | throughput | peak RSS |
|---|---|---|---|---|
${streamRows.join("\n")}

Peak RSS at 100M rows is ${(s100.run.maxRssKb / s10.run.maxRssKb).toFixed(2)}× that at 10M rows.
`;
}
