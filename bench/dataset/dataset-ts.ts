// One dataset measurement by flyte-types, in a process of its own; prints {seconds, maxRssKb, ...} as JSON.
// usage: tsx bench/dataset/dataset-ts.ts write|read|read1|stream ROWS DIR
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { z } from "zod";
import { numberStream, numbers } from "../../fixtures/arrow-data.js";
import { parquetPool } from "../../src/adapters/parquet/worker-pool.js";
import {
  ArrowTable,
  createTypeEngine,
  decodeLiteral,
  encodeLiteral,
  StructuredDataset,
  structuredDataset,
} from "../../src/index.js";

const [op = "write", rowsArg = "1000000", dir = "/tmp", repsArg = "1"] = process.argv.slice(2);
const reps = Number(repsArg);
const rows = Number(rowsArg);
const engine = createTypeEngine({ storage: { rawOutputPrefix: join(dir, "raw") } });
const any = structuredDataset();
const literalFile = join(dir, "ts.pb");
const report = (extra: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ ...extra, maxRssKb: process.resourceUsage().maxRSS })}\n`);

// Start-up is not timed, as Python's imports are not: the workers are started and parquet-wasm loaded first.
await parquetPool().warm();

/** The table in batches of 1M rows, built from typed arrays (not timed). */
const table = () => {
  const batches: A.RecordBatch[] = [];
  for (let at = 0; at < rows; at += 1 << 20) batches.push(numbers(at, Math.min(1 << 20, rows - at)));
  return new A.Table(batches);
};

/** Times `once` `reps` times in this process: the first run is cold (wasm code not yet optimised), the rest warm. */
async function timed(once: () => Promise<void>): Promise<{ seconds: number; warmSeconds?: number }> {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await once();
    times.push((performance.now() - t0) / 1000);
  }
  const [seconds = 0, ...warm] = times;
  return warm.length === 0 ? { seconds } : { seconds, warmSeconds: Math.min(...warm) };
}

if (op === "write") {
  const t = table();
  report(
    await timed(async () => {
      const literal = await engine.toLiteral(StructuredDataset.from(ArrowTable, t), any);
      writeFileSync(literalFile, encodeLiteral(literal));
    }),
  );
} else if (op === "read" || op === "read1") {
  const type = op === "read" ? any : structuredDataset({ columns: z.object({ f: z.number() }) });
  const literal = decodeLiteral(readFileSync(literalFile));
  report(
    await timed(async () => {
      const sd = await engine.toValue(literal, type);
      const t = await sd.open(ArrowTable).all();
      if (t.numRows !== rows) throw new Error(`read ${t.numRows} rows, wrote ${rows}`);
    }),
  );
} else if (op === "stream") {
  // From a generator to Parquet and back, batch by batch: nothing holds the whole dataset.
  const t0 = performance.now();
  const literal = await engine.toLiteral(StructuredDataset.from(ArrowTable, numberStream(rows, 1 << 16)), any);
  const write = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  let seen = 0;
  let sum = 0n;
  const sd = await engine.toValue(literal, any);
  for await (const batch of sd.open(ArrowTable).iter()) {
    const i = batch.getChildAt(0)?.data[0]?.values as BigInt64Array;
    sum += i[i.length - 1] as bigint;
    seen += batch.numRows;
  }
  if (seen !== rows) throw new Error(`read ${seen} rows, wrote ${rows}`);
  report({
    write,
    read: (performance.now() - t1) / 1000,
    seconds: (performance.now() - t0) / 1000,
    check: String(sum),
  });
}
