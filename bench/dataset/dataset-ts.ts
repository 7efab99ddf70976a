// One dataset measurement by flyte-types in a process of its own (bench/method.ts, bench/child.ts).
// usage: node bench/dataset/dataset-ts.js write|read|read1 DATA.arrow LITERAL.pb WORKDIR WARM ROWS
//
// The path a task takes. write: the Arrow table loaded from DATA.arrow becomes a task output through
// `interface(...).toOutputs`; the first run's literal is saved to LITERAL.pb. read / read1: LITERAL.pb as a task
// input through `fromInputs`, then `open(ArrowTable).all()`, all columns or only `f`. Nothing is started before the
// clock: the Parquet worker threads and parquet-wasm start inside the cold run, as in a task converting one dataset.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Child, timedImport } from "../child.js";

const [op = "write", data = "", literalPath = "", work = "/tmp", warm = "3", rowsArg = "0"] = process.argv.slice(2);
const rows = Number(rowsArg);
const { module, importSeconds } = await timedImport(async () => ({
  lib: await import("flyte-types"),
  model: await import("flyte-types/model"),
  arrow: await import("apache-arrow"),
  z: (await import("zod")).z,
}));
const { lib, model, arrow, z } = module;
const engine = lib.createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });
const child = new Child(importSeconds, Number(warm));

if (op === "write") {
  // Loaded whole into memory, as bench/dataset/dataset_py.py does; the baseline is taken after this.
  const table = arrow.tableFromIPC(readFileSync(data));
  if (table.numRows !== rows) throw new Error(`${data} has ${table.numRows} rows, not ${rows}`);
  const io = engine.interface({ inputs: {}, outputs: { o0: lib.structuredDataset() } });
  let saved: Uint8Array | undefined;
  child.baseline();
  await child.repeat("write", async () => {
    const map = await io.toOutputs({ o0: lib.StructuredDataset.from(lib.ArrowTable, table) });
    const literal = map.literals.o0;
    if (literal === undefined) throw new Error("no output literal");
    saved ??= model.encodeLiteral(literal);
  });
  writeFileSync(literalPath, saved ?? new Uint8Array());
} else if (op === "read" || op === "read1") {
  const type =
    op === "read" ? lib.structuredDataset() : lib.structuredDataset({ columns: z.object({ f: z.number() }) });
  const io = engine.interface({ inputs: { i0: type }, outputs: {} });
  const map = lib.lit.literalMap({ i0: model.decodeLiteral(readFileSync(literalPath)) });
  child.baseline();
  await child.repeat(op, async () => {
    const { i0 } = await io.fromInputs(map);
    const t = await i0.open(lib.ArrowTable).all();
    if (t.numRows !== rows) throw new Error(`read ${t.numRows} rows, expected ${rows}`);
  });
} else {
  throw new Error(`unknown op ${op}`);
}
child.report();
// The Parquet worker threads are idle now; the process is done.
process.exit(0);
