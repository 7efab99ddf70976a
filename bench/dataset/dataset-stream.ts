// Streaming by flyte-types in a process of its own (bench/method.ts): an async generator of 65,536-row batches
// becomes a dataset through toLiteral, then comes back batch by batch through open(ArrowTable).iter(). flytekit has
// no streaming path for its built-in handlers, so this has no Python side.
// usage: node bench/dataset/dataset-stream.js ROWS WORKDIR
import { join } from "node:path";
import { Child, timedImport } from "../child.js";

const [rowsArg = "1000000", work = "/tmp"] = process.argv.slice(2);
const rows = Number(rowsArg);
const { module, importSeconds } = await timedImport(async () => ({
  lib: await import("flyte-types"),
  data: await import("../../fixtures/arrow-data.js"),
}));
const { lib, data } = module;
const engine = lib.createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });
const any = lib.structuredDataset();
const child = new Child(importSeconds, 0);
child.baseline();
let literal: Awaited<ReturnType<typeof engine.toLiteral>> | undefined;
await child.time("write", async () => {
  literal = await engine.toLiteral(lib.StructuredDataset.from(lib.ArrowTable, data.numberStream(rows, 1 << 16)), any);
});
let seen = 0;
await child.time("read", async () => {
  if (literal === undefined) throw new Error("nothing written");
  const sd = await engine.toValue(literal, any);
  for await (const batch of sd.open(lib.ArrowTable).iter()) seen += batch.numRows;
});
if (seen !== rows) throw new Error(`read ${seen} rows, wrote ${rows}`);
child.report();
process.exit(0);
