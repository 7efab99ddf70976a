// Frame kinds: the in-memory forms a dataset can be written from and read into (an Arrow table, a DuckDB table…).
// A kind is a token object; its type parameters carry what `open(kind).all()` and `.iter()` return.
import type { RecordBatch, Table } from "apache-arrow";

export interface FrameKind<All = unknown, Batch = unknown> {
  /** The registry key, e.g. `"arrow"`. */
  readonly name: string;
  /** Never set: carries the value types for inference. */
  readonly __types?: { readonly all: All; readonly batch: Batch };
}

/** What a dataset of this kind is built from: the whole frame, or a stream of batches. */
export type FrameData<F extends FrameKind> =
  F extends FrameKind<infer All, infer Batch> ? All | AsyncIterable<Batch> : never;
export type FrameAll<F extends FrameKind> = F extends FrameKind<infer All, unknown> ? All : never;
export type FrameBatch<F extends FrameKind> = F extends FrameKind<unknown, infer Batch> ? Batch : never;

export function defineFrame<All, Batch>(name: string): FrameKind<All, Batch> {
  return Object.freeze({ name });
}

/** Apache Arrow: `all()` gives a `Table`, `iter()` gives `RecordBatch`es. */
export const ArrowTable: FrameKind<Table, RecordBatch> = defineFrame<Table, RecordBatch>("arrow");
