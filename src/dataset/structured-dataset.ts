// StructuredDataset values: a data frame to be written, or a lazy handle on one in storage. Reading a literal
// creates a handle and nothing more; data moves only when the caller opens it (`all()` or `iter()`).
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { throwIfAborted } from "../storage/progress.js";
import type { Storage } from "../storage/storage.js";
import { schemeOf } from "../storage/uri.js";
import type { DatasetColumn } from "./dataset-column.js";
import type { DatasetRegistry } from "./dataset-registry.js";
import type { FrameAll, FrameBatch, FrameData, FrameKind } from "./frame.js";

/** A declared column: its name (nested fields as dotted names) and Flyte type. */
export type { DatasetColumn } from "./dataset-column.js";

/** What a handle on stored data knows: its format, declared columns, and what it reads with. */
export interface DatasetHandleOptions {
  /** The stored format, e.g. `"parquet"`; "" when unknown (the reader's declared format decides). */
  readonly format?: string;
  /** Columns the dataset declares; a reader gets only these (flytekit's subsetting). */
  readonly columns?: readonly DatasetColumn[];
  /**
   * The storage that reads it. Handles read from literals get the engine's; one made by hand needs it (and
   * `datasets`) to be opened: `StructuredDataset.fromUri(uri, engine)` gives both.
   */
  readonly storage?: Storage;
  /** The handlers that read it; see `storage`. */
  readonly datasets?: DatasetRegistry;
}

/** How `DatasetReader.iter()` streams. */
export interface IterOptions {
  /** Rows per batch; default: the decoder's (65,536 rows for Parquet). */
  readonly batchSize?: number;
  /**
   * Stops the iteration: it rejects with an `aborted` error at the next batch, and the reader's resources (the
   * Parquet workers' jobs) are released, as when a loop breaks early.
   */
  readonly signal?: AbortSignal;
}

/** How `StructuredDataset.open()` reads. */
export interface OpenOptions {
  /** The columns to read, in this order, in place of those the type declares (no type check then). */
  readonly columns?: readonly string[];
}

/** A dataset opened as one frame kind: read it whole, or stream it batch by batch. */
export interface DatasetReader<F extends FrameKind> {
  /** Reads the whole dataset into memory as one frame. */
  all(): Promise<FrameAll<F>>;
  /** Streams the dataset batch by batch; breaking out of the loop releases the reader. */
  iter(options?: IterOptions): AsyncIterable<FrameBatch<F>>;
}

/**
 * A Flyte StructuredDataset value: either a data frame to be written (made with `from`, written when converted to a
 * literal), or a lazy handle on data in storage (read from a literal, or `fromUri`) that moves no data until opened.
 */
export class StructuredDataset {
  /** Where the data is; undefined for a frame not written yet. */
  readonly uri: string | undefined;
  /** The storage format, e.g. `"parquet"`; "" when not given (the declared type's, or the frame kind's default). */
  readonly format: string;
  /** The declared columns: opening reads only these, checked against their types; empty reads every column. */
  readonly columns: readonly DatasetColumn[];
  /** The frame kind and data of a dataset made with `from`, until it is written. */
  readonly frame: FrameKind | undefined;
  /** The frame or batch stream given to `from`, until written; undefined for data in storage. */
  readonly data: unknown;
  private readonly storage: Storage | undefined;
  private readonly datasets: DatasetRegistry | undefined;

  private constructor(
    uri: string | undefined,
    frame: FrameKind | undefined,
    data: unknown,
    options: DatasetHandleOptions,
  ) {
    this.uri = uri;
    this.frame = frame;
    this.data = data;
    this.format = options.format ?? "";
    this.columns = options.columns ?? [];
    this.storage = options.storage;
    this.datasets = options.datasets;
  }

  /**
   * A dataset to be written from a whole frame or a stream of batches (`AsyncIterable<RecordBatch>`). It is
   * written when converted to a literal; `uri` (a directory) is where, default a fresh one under the raw prefix.
   */
  static from<F extends FrameKind>(
    frame: F,
    data: FrameData<F>,
    options: { readonly uri?: string; readonly format?: string } = {},
  ): StructuredDataset {
    return new StructuredDataset(
      options.uri,
      frame,
      data,
      options.format === undefined ? {} : { format: options.format },
    );
  }

  /** A dataset already in storage (a Parquet file or a directory of parts); a local path is uploaded when sent. */
  static fromUri(uri: string | URL, options: DatasetHandleOptions = {}): StructuredDataset {
    const u = typeof uri === "string" ? uri : uri.protocol === "file:" ? uri.pathname : uri.href;
    if (u === "") fail(ErrorCode.typeMismatch, msg.emptyDatasetUri, { expected: "a URI", received: '""' });
    return new StructuredDataset(u, undefined, undefined, options);
  }

  /**
   * Opens the stored data as `frame`: reads only the declared columns, if any, pushed down into the reader, and
   * refuses a stored column whose type differs from the declared one. `columns` names the columns to read instead,
   * without declaring their types.
   */
  open<F extends FrameKind>(frame: F, options: OpenOptions = {}): DatasetReader<F> {
    const uri = this.uri;
    if (uri === undefined || this.frame !== undefined) {
      return fail(ErrorCode.ioRequired, msg.notWritten, {
        expected: "a written dataset",
        received: "a frame in memory",
      });
    }
    const { storage, datasets } = this;
    if (storage === undefined || datasets === undefined) {
      return fail(ErrorCode.noStorage, msg.noStorage("StructuredDataset", uri), { root: uri });
    }
    const format = this.format === "" ? (datasets.defaultFormat(frame) ?? "") : this.format;
    const decoder = datasets.decoder(frame, schemeOf(uri), format);
    const named = options.columns !== undefined;
    const columns = named
      ? [...(options.columns ?? [])]
      : this.columns.length === 0
        ? undefined
        : this.columns.map((c) => c.name);
    const source = { uri, storage, columns, ...(named || this.columns.length === 0 ? {} : { declared: this.columns }) };
    return {
      all: () => decoder.all(source) as Promise<FrameAll<F>>,
      iter: (o = {}) => {
        const batches = decoder.iter({
          ...source,
          ...(o.batchSize === undefined ? {} : { batchSize: o.batchSize }),
          ...(o.signal === undefined ? {} : { signal: o.signal }),
        }) as AsyncIterable<FrameBatch<F>>;
        return o.signal === undefined ? batches : untilAborted(batches, o.signal, `reading ${uri}`);
      },
    };
  }

  /** A handle on the same data declaring `columns`: what a reader with a narrower type sees. */
  withColumns(columns: readonly DatasetColumn[]): StructuredDataset {
    return new StructuredDataset(this.uri, this.frame, this.data, {
      format: this.format,
      columns,
      ...(this.storage === undefined ? {} : { storage: this.storage }),
      ...(this.datasets === undefined ? {} : { datasets: this.datasets }),
    });
  }

  /** The URI, or `StructuredDataset(<frame kind> in memory)` for a frame not written yet. */
  toString(): string {
    return this.uri ?? `StructuredDataset(${this.frame?.name ?? "?"} in memory)`;
  }

  /** `{ uri, file_format }` (uri null until written), as flytekit writes a StructuredDataset inside records. */
  toJSON(): unknown {
    return { uri: this.uri ?? null, file_format: this.format };
  }
}

/** `batches` until `signal` fires: then the next step rejects with `aborted`, and leaving the loop closes `batches`. */
async function* untilAborted<T>(batches: AsyncIterable<T>, signal: AbortSignal, what: string): AsyncIterable<T> {
  throwIfAborted(signal, what);
  for await (const b of batches) {
    throwIfAborted(signal, what);
    yield b;
  }
}
