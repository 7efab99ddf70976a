// Arrow tables ⇄ Parquet: the default data-frame handler. It works through the storage layer, so it serves every
// scheme the storage does. apache-arrow and parquet-wasm load on first use, not when the engine is created.

import type { RecordBatch, Table } from "apache-arrow";
import type { DatasetDecoder, DatasetEncoder } from "../../src/dataset/dataset-registry.js";
import { ArrowTable } from "../../src/dataset/frame.js";

const PROTOCOLS = ["file", "s3"] as const;
const engine = () =>
  Promise.all([
    import("../../src/adapters/parquet/parquet-write.js"),
    import("../../src/adapters/parquet/parquet-read.js"),
  ]);

/** An Arrow Table (checked by shape, so apache-arrow need not load during the walk) or an async batch stream. */
function check(data: unknown): string | undefined {
  if (typeof data === "object" && data !== null) {
    if (Array.isArray((data as { batches?: unknown }).batches) && "schema" in data) return undefined;
    if (Symbol.asyncIterator in data) return undefined;
  }
  return "an Arrow Table or an AsyncIterable<RecordBatch>";
}

export const arrowParquetEncoder: DatasetEncoder<Table, RecordBatch> = {
  frame: ArrowTable,
  format: "parquet",
  protocols: PROTOCOLS,
  check,
  async encode(data, target) {
    const [{ writeParquet }] = await engine();
    await writeParquet(data, target.uri, target.storage);
  },
};

export const arrowParquetDecoder: DatasetDecoder<Table, RecordBatch> = {
  frame: ArrowTable,
  format: "parquet",
  protocols: PROTOCOLS,
  async all(source) {
    const [, { readParquetTable }] = await engine();
    return readParquetTable(source.uri, source.storage, { columns: source.columns });
  },
  async *iter(source) {
    const [, { readParquet }] = await engine();
    yield* readParquet(source.uri, source.storage, {
      columns: source.columns,
      ...(source.batchSize === undefined ? {} : { batchSize: source.batchSize }),
    });
  },
};

export const arrowParquet = { encoder: arrowParquetEncoder, decoder: arrowParquetDecoder } as const;
