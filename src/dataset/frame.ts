// Frame kinds: the in-memory forms a dataset can be written from and read into (an Arrow table, a DuckDB table…).
// A kind is a token object; its type parameters carry what `open(kind).all()` and `.iter()` return.
import type { RecordBatch, Table } from "apache-arrow";

/**
 * An in-memory form a dataset can be written from and read into: a token whose type parameters carry the whole
 * frame's type (`All`, what `open(kind).all()` gives) and one batch's (`Batch`, what `.iter()` yields).
 */
export interface FrameKind<All = unknown, Batch = unknown> {
  /** The registry key, e.g. `"arrow"`. */
  readonly name: string;
  /** Never set: carries the value types for inference. */
  readonly __types?: {
    /** The whole frame's type. */
    readonly all: All;
    /** One batch's type. */
    readonly batch: Batch;
  };
}

/** What a dataset of this kind is built from: the whole frame, or a stream of batches. */
export type FrameData<F extends FrameKind> =
  F extends FrameKind<infer All, infer Batch> ? All | AsyncIterable<Batch> : never;
/** The whole frame of a frame kind: what `open(kind).all()` resolves to. */
export type FrameAll<F extends FrameKind> = F extends FrameKind<infer All, unknown> ? All : never;
/** One batch of a frame kind: what `open(kind).iter()` yields. */
export type FrameBatch<F extends FrameKind> = F extends FrameKind<unknown, infer Batch> ? Batch : never;

/**
 * A new frame kind named `name` (its registry key, unique per registry); its handlers are registered with
 * `registerEncoder`/`registerDecoder` under the same token.
 */
export function defineFrame<All, Batch>(name: string): FrameKind<All, Batch> {
  return Object.freeze({ name });
}

/** Apache Arrow: `all()` gives a `Table`, `iter()` gives `RecordBatch`es. */
export const ArrowTable: FrameKind<Table, RecordBatch> = defineFrame<Table, RecordBatch>("arrow");
