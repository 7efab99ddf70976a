// The setup dataset tests share: an engine on a scratch directory's raw prefix, and helpers to write a frame
// through it and to look inside the literal it returns.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as A from "apache-arrow";
import { ArrowTable, createTypeEngine, type Literal, StructuredDataset, structuredDataset } from "../../src/index.js";

export function datasetSetup() {
  const work = mkdtempSync(join(tmpdir(), "flyte-datasets-"));
  const raw = join(work, "raw");
  const engine = createTypeEngine({ storage: { rawOutputPrefix: raw } });
  const any = structuredDataset();
  /** A Table or a stream of batches written as a dataset of `type`. */
  const write = (data: A.Table | AsyncIterable<A.RecordBatch>, type = any) =>
    engine.toLiteral(StructuredDataset.from(ArrowTable, data), type);
  return { work, raw, engine, any, write };
}

/** The StructuredDataset message inside a dataset literal. */
export function sdOf(l: Literal) {
  const v = l.value;
  if (v.case !== "scalar" || v.value.value.case !== "structuredDataset") throw new Error("not a dataset literal");
  return v.value.value.value;
}
