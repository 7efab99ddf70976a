// Writing Arrow data as Parquet in flytekit's layout: a directory holding `00000` (and `00001`, … when the data is
// large enough to split). Batches are encoded in worker threads while this thread keeps producing and uploading;
// each part streams to storage as it is encoded, so memory stays at a few slices per worker, whatever the size.
import { type RecordBatch, type Schema, Table, Type, tableToIPC } from "apache-arrow";
import { ErrorCode, FlyteTypeError } from "../../errors/flyte-type-error.js";
import { msg } from "../../errors/messages.js";
import type { ObjectInfo } from "../../storage/backend.js";
import { abortedError, Meter, type TransferOptions, throwIfAborted } from "../../storage/progress.js";
import type { Storage } from "../../storage/storage.js";
import { joinUri } from "../../storage/uri.js";
import { Channel } from "./channel.js";
import { parquetPool, type WorkerPool } from "./worker-pool.js";
import type { WriterSettings } from "./worker-protocol.js";

/** parquet-wasm's Compression values. */
const COMPRESSION = { uncompressed: 0, snappy: 1, gzip: 2, brotli: 3, zstd: 5, lz4: 6 } as const;
/** The codec Parquet pages are compressed with. */
export type ParquetCompression = keyof typeof COMPRESSION;

/** How `writeParquet` writes. `signal` stops it and deletes its parts; `onProgress` counts Arrow bytes and rows. */
export interface ParquetWriteOptions extends TransferOptions {
  /** Default "snappy", what pandas and pyarrow write. */
  readonly compression?: ParquetCompression;
  /**
   * Rows per row group; default 262,144. pyarrow's is 1,048,576, but parquet-wasm buffers a whole row group in the
   * worker's WebAssembly memory, which never shrinks: 1M-row groups of ordinary data grew each worker's memory to
   * about 115 MB and a 10M-row write to 747 MB above the table; 256K-row groups hold ~40 MB per worker and 391 MB
   * in all, for writes about 10% slower (bench/RESULTS.md). Set 1 << 20 for pyarrow's layout.
   */
  readonly rowGroupRows?: number;
  /** Data is split into further part files only beyond this much Arrow data per part; default 64 MiB. */
  readonly minPartBytes?: number;
  /** The workers that encode; default the shared `parquetPool()`. */
  readonly pool?: WorkerPool;
}

/** What `writeParquet` wrote. */
export interface WriteResult {
  /** The part files written, in order. */
  readonly parts: readonly string[];
  /** Rows written, over all parts. */
  readonly rows: number;
}

/** Rows per row group unless told otherwise: see `ParquetWriteOptions.rowGroupRows`. */
const DEFAULT_ROW_GROUP_ROWS = 1 << 18;
/** Arrow data sent to a worker in one message: big enough to amortise, small enough to keep memory flat. */
const SLICE_BYTES = 4 << 20;
/** Bytes sent to one worker and not yet taken into its encoder. */
const WINDOW_BYTES = 16 << 20;
/** Slices and parts start at multiples of this many rows, so validity and boolean bitmaps stay byte-aligned and
 * the IPC writer copies them instead of repacking them bit by bit. */
const ALIGN_ROWS = 64;

/** Numbers, times and durations: a dictionary of them costs encoding time and rarely makes the file smaller. */
const PLAIN_TYPES: ReadonlySet<Type> = new Set([
  Type.Int,
  Type.Float,
  Type.Decimal,
  Type.Date,
  Type.Time,
  Type.Timestamp,
  Type.Interval,
  Type.Duration,
]);

const plainColumns = (schema: Schema): string[] =>
  schema.fields.filter((f) => PLAIN_TYPES.has(f.type.typeId)).map((f) => f.name);

const aligned = (rows: number) => (rows >= 2 * ALIGN_ROWS ? rows - (rows % ALIGN_ROWS) : rows);

/** The name of the `i`-th part file (from 0), flytekit's: `00000`, `00001`… */
export const partName = (i: number): string => String(i).padStart(5, "0");

/** The error for a write to `uri` that went wrong, returned for the caller to throw or abort with. */
const encodeError = (uri: string, message: string, cause?: unknown) =>
  new FlyteTypeError(
    [{ code: ErrorCode.transformerFailed, path: uri, message: msg.writeFailed("Parquet", uri, message) }],
    {
      cause,
    },
  );

/** One part file: a worker job encoding what is sent, its output streamed into `storage.write`. */
class PartWriter {
  bytes = 0;
  rows = 0;
  private inflight = 0;
  private failure: unknown;
  private settled = false;
  private wake: (() => void) | undefined;
  private readonly job;
  private readonly chunks: Channel<Uint8Array>;
  readonly done: Promise<ObjectInfo>;

  constructor(
    pool: WorkerPool,
    readonly uri: string,
    storage: Storage,
    settings: WriterSettings,
    /** Bytes sent and not yet taken by the worker; never more than a part's minimum size. */
    private readonly window: number,
  ) {
    this.chunks = new Channel<Uint8Array>(() => this.job.post({ t: "write-ack", job: this.job.id }));
    this.job = pool.start({
      onMessage: (m) => {
        if (m.t === "chunk") this.chunks.push(m.bytes);
        else if (m.t === "consumed") {
          this.inflight -= m.bytes;
          this.signal();
        } else if (m.t === "done") {
          this.chunks.end();
          this.job.finish();
        } else if (m.t === "error") this.abort(encodeError(uri, m.message));
      },
      onFatal: (e) => this.abort(encodeError(uri, e.message, e)),
    });
    this.job.post({ t: "write-open", job: this.job.id, settings });
    this.done = storage.write(uri, this.chunks);
    this.done.then(
      () => {
        this.settled = true;
      },
      (e: unknown) => {
        this.settled = true;
        this.abort(e);
      },
    );
  }

  get open(): boolean {
    return !this.settled;
  }

  /** Whether more sent now would wait: the producer may start another part instead. */
  get backlogged(): boolean {
    return this.inflight >= this.window;
  }

  async send(ipc: Uint8Array, rows: number): Promise<void> {
    while (this.inflight >= this.window && this.failure === undefined) {
      await new Promise<void>((r) => {
        this.wake = r;
      });
    }
    if (this.failure !== undefined) throw this.failure;
    this.inflight += ipc.byteLength;
    this.bytes += ipc.byteLength;
    this.rows += rows;
    this.job.post({ t: "write-batch", job: this.job.id, ipc }, [ipc.buffer as ArrayBuffer]);
  }

  close(): void {
    this.job.post({ t: "write-close", job: this.job.id });
  }

  /** Stops the job with `e`; the pending storage write is aborted, so nothing is left at `uri`. */
  abort(e: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = e;
    this.job.post({ t: "cancel", job: this.job.id });
    this.job.finish();
    this.chunks.end(e);
    this.signal();
  }

  private signal(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** A Table by shape, as the encoder's check decides: a Table from another copy of apache-arrow is still a Table. */
const isTable = (x: unknown): x is Table =>
  x instanceof Table || (typeof x === "object" && x !== null && Array.isArray((x as Table).batches) && "schema" in x);

/** IPC messages of at most about SLICE_BYTES each, covering `batches` in order (small batches are grouped). */
function* slices(batches: Iterable<RecordBatch>): Generator<{ ipc: Uint8Array; rows: number }> {
  let group: RecordBatch[] = [];
  let groupBytes = 0;
  const flush = function* () {
    if (group.length === 0) return;
    const rows = group.reduce((n, b) => n + b.numRows, 0);
    yield { ipc: tableToIPC(new Table(group), "stream"), rows };
    group = [];
    groupBytes = 0;
  };
  for (const batch of batches) {
    const bytes = batch.data.byteLength;
    if (bytes <= SLICE_BYTES) {
      if (groupBytes + bytes > SLICE_BYTES) yield* flush();
      group.push(batch);
      groupBytes += bytes;
      continue;
    }
    yield* flush();
    const step = aligned(Math.max(1, Math.floor((batch.numRows * SLICE_BYTES) / bytes)));
    for (let at = 0; at < batch.numRows; at += step) {
      const piece = batch.slice(at, Math.min(batch.numRows, at + step));
      yield { ipc: tableToIPC(new Table(piece), "stream"), rows: piece.numRows };
    }
  }
  yield* flush();
}

/** Writes `source` (a Table, or a stream of RecordBatches with one schema) as Parquet parts under `uri`. */
export async function writeParquet(
  source: Table | AsyncIterable<RecordBatch>,
  uri: string,
  storage: Storage,
  options: ParquetWriteOptions = {},
): Promise<WriteResult> {
  const pool = options.pool ?? parquetPool();
  const minPart = options.minPartBytes ?? 64 << 20;
  // Checked before each slice is sent: a cancelled write stops within one slice (about 4 MB) and its parts are
  // deleted below, as for any failure. Progress counts Arrow bytes and rows handed to the encoders.
  const meter = new Meter(options.onProgress);
  const what = `writing Parquet under ${uri}`;
  const step: Step = (bytes, rows) => {
    throwIfAborted(options.signal, what);
    meter.add(bytes, rows);
  };
  const parts: PartWriter[] = [];
  const open = (schema: Schema) => {
    const settings: WriterSettings = {
      compression: COMPRESSION[options.compression ?? "snappy"],
      rowGroupRows: options.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS,
      plainColumns: plainColumns(schema),
    };
    const p = new PartWriter(
      pool,
      joinUri(uri, partName(parts.length)),
      storage,
      settings,
      Math.min(WINDOW_BYTES, minPart),
    );
    parts.push(p);
    return p;
  };
  try {
    if (isTable(source)) {
      await writeTable(source, pool.size, minPart, open, step);
    } else {
      await writeStream(source, pool.size, minPart, open, () => parts.filter((p) => p.open).length, uri, step);
    }
    const infos = await Promise.all(parts.map((p) => p.done));
    return { parts: infos.map((i) => i.uri), rows: parts.reduce((n, p) => n + p.rows, 0) };
  } catch (e) {
    for (const p of parts) p.abort(e);
    const settled = await Promise.allSettled(parts.map((p) => p.done));
    // Parts that completed before the failure would otherwise outlive it.
    await Promise.allSettled(settled.flatMap((s) => (s.status === "fulfilled" ? [storage.delete(s.value.uri)] : [])));
    throw options.signal?.aborted === true ? abortedError(what, options.signal) : e;
  }
}

/** Before a slice of `bytes` Arrow bytes and `rows` rows is sent: stops when cancelled, counts progress. */
type Step = (bytes: number, rows: number) => void;

/** A whole table: split into contiguous parts (one per worker when it is large), fed concurrently. */
async function writeTable(
  table: Table,
  workers: number,
  minPart: number,
  open: (schema: Schema) => PartWriter,
  step: Step,
): Promise<void> {
  const bytes = table.batches.reduce((n, b) => n + b.data.byteLength, 0);
  const n = Math.max(1, Math.min(workers, Math.floor(bytes / minPart)));
  const rows = table.numRows;
  const writers = Array.from({ length: n }, () => open(table.schema));
  const cut = (i: number) => (i === n ? rows : aligned(Math.floor((rows * i) / n)));
  await Promise.all(
    writers.map(async (w, i) => {
      const part = n === 1 ? table : table.slice(cut(i), cut(i + 1));
      // An empty table still has a schema: a stream of the schema alone carries it into the file.
      if (part.batches.length === 0) await w.send(tableToIPC(part, "stream"), 0);
      for (const s of slices(part.batches)) {
        step(s.ipc.byteLength, s.rows);
        await w.send(s.ipc, s.rows);
      }
      w.close();
    }),
  );
}

/** A stream: parts in order; a new part starts when the current one is backlogged and a worker is free. */
async function writeStream(
  source: AsyncIterable<RecordBatch>,
  workers: number,
  minPart: number,
  open: (schema: Schema) => PartWriter,
  openCount: () => number,
  uri: string,
  step: Step,
): Promise<void> {
  let current: PartWriter | undefined;
  let first: RecordBatch | undefined;
  let index = 0;
  for await (const batch of source) {
    if (first === undefined) first = batch;
    else if (batch.schema !== first.schema && String(batch.schema.fields) !== String(first.schema.fields)) {
      throw encodeError(
        uri,
        msg.batchSchemaChanged(index, batch.schema.fields.join(", "), first.schema.fields.join(", ")),
      );
    }
    index++;
    for (const s of slices([batch])) {
      if (current === undefined) current = open(batch.schema);
      else if (current.backlogged && current.bytes >= minPart && openCount() < workers) {
        current.close();
        current = open(batch.schema);
      }
      step(s.ipc.byteLength, s.rows);
      await current.send(s.ipc, s.rows);
    }
  }
  if (current === undefined) throw encodeError(uri, msg.noBatches);
  current.close();
}
