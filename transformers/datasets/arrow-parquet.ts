// Arrow tables ⇄ Parquet: the default data-frame handler. It works through the storage layer, so it serves every
// scheme the storage does. apache-arrow and parquet-wasm load on first use, not when the engine is created.

import type { RecordBatch, Schema, Table } from "apache-arrow";
import type { DatasetDecoder, DatasetEncoder, DecodeSource } from "../../src/dataset/dataset-registry.js";
import { ArrowTable } from "../../src/dataset/frame.js";
import { columnsFromArrow } from "../../src/engine/dataset-columns.js";
import { ErrorCode, fail } from "../../src/errors/flyte-type-error.js";
import { describeLiteralType, msg } from "../../src/errors/messages.js";

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

/**
 * Refuses a stored column whose type is not the one the reader declared (`price: z.string()` over a float64
 * column): a typed error naming the file, the column and both types, rather than values of another type.
 */
function checkDeclared(schema: Schema, source: DecodeSource): void {
  if (source.declared === undefined) return;
  const stored = new Map<string, string>();
  for (const f of schema.fields) {
    try {
      for (const c of columnsFromArrow([f])) stored.set(c.name, describeLiteralType(c.literalType));
    } catch {
      // A stored type with no Flyte column type: nothing to compare it with.
    }
  }
  for (const c of source.declared) {
    const have = stored.get(c.name);
    const want = describeLiteralType(c.literalType);
    if (have !== undefined && have !== want) {
      fail(ErrorCode.typeMismatch, msg.columnTypeDiffers(source.uri, c.name, want, have), {
        root: source.uri,
        expected: want,
        received: have,
      });
    }
  }
}

export const arrowParquetEncoder: DatasetEncoder<Table, RecordBatch> = {
  frame: ArrowTable,
  format: "parquet",
  protocols: PROTOCOLS,
  check,
  async encode(data, target) {
    const [{ writeParquet }] = await engine();
    await writeParquet(data, target.uri, target.storage, {
      ...(target.signal === undefined ? {} : { signal: target.signal }),
      ...(target.onProgress === undefined ? {} : { onProgress: target.onProgress }),
    });
  },
};

export const arrowParquetDecoder: DatasetDecoder<Table, RecordBatch> = {
  frame: ArrowTable,
  format: "parquet",
  protocols: PROTOCOLS,
  async all(source) {
    const [, { readParquetTable }] = await engine();
    const table = await readParquetTable(source.uri, source.storage, { columns: source.columns });
    checkDeclared(table.schema, source);
    return table;
  },
  async *iter(source) {
    const [, { readParquet }] = await engine();
    let first = true;
    for await (const batch of readParquet(source.uri, source.storage, {
      columns: source.columns,
      ...(source.batchSize === undefined ? {} : { batchSize: source.batchSize }),
    })) {
      if (first) checkDeclared(batch.schema, source);
      first = false;
      yield batch;
    }
  },
};

export const arrowParquet = { encoder: arrowParquetEncoder, decoder: arrowParquetDecoder } as const;
