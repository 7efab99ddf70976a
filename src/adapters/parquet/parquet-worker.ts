// A Parquet worker thread: encodes Arrow IPC batches into Parquet and decodes Parquet row groups into Arrow IPC
// batches with parquet-wasm. It never touches storage: byte ranges are asked of the main thread, encoded bytes are
// posted back. Windows on both directions keep memory bounded by a few batches. What a file claims is checked before
// parquet-wasm sees it (parquet-bounds.ts).
import { openAsBlob } from "node:fs";
import { parentPort } from "node:worker_threads";
import * as pw from "parquet-wasm";
import { msg } from "../../errors/messages.js";
import { checkedFile, rangedBlob } from "./checked-file.js";
import type { FromWorker, ReadSettings, ToWorker, WriterSettings } from "./worker-protocol.js";

const port = parentPort as NonNullable<typeof parentPort>;
/** Encoded output is posted in chunks of at least this size (parquet-wasm emits many small ones). */
const CHUNK_BYTES = 1 << 20;
/** Output chunks or decoded batches posted but not yet taken by the main thread. */
const WINDOW = 4;

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
/** How far this worker's WebAssembly memory has grown: it never shrinks, so the pool replaces a worker that is big. */
const memory = () => pw.wasmMemory().buffer.byteLength;

/** A buffer of its own (transferable without copying), the bytes of `u`. */
function own(u: Uint8Array): Uint8Array {
  return u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u : u.slice();
}

/** Something to wait on until `release` is called. */
class Gate {
  private waiters: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((r) => this.waiters.push(r));
  }
  release(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

class Writer {
  readonly queue: Uint8Array[] = [];
  closed = false;
  unacked = 0;
  readonly input = new Gate();
  readonly acks = new Gate();
  cancelled = false;
}

interface Reader {
  unacked: number;
  readonly acks: Gate;
  cancelled: boolean;
}

const writers = new Map<number, Writer>();
const readers = new Map<number, Reader>();
const ranges = new Map<number, { resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }>();
let nextRid = 0;

/** A Blob-shaped view of a remote file for ParquetFile.fromFile: each slice is a ranged read by the main thread. */
function remoteBlob(job: number, size: number) {
  const fetchRange = (start: number, end: number): Promise<ArrayBuffer> =>
    new Promise((resolve, reject) => {
      const rid = nextRid++;
      ranges.set(rid, { resolve, reject });
      post({ t: "range", job, rid, start, end });
    });
  return rangedBlob(size, fetchRange);
}

async function write(job: number, settings: WriterSettings, w: Writer): Promise<void> {
  let builder = new pw.WriterPropertiesBuilder()
    .setCompression(settings.compression)
    .setMaxRowGroupSize(settings.rowGroupRows)
    .setCreatedBy("flyte-types (parquet-wasm)");
  for (const c of settings.plainColumns) builder = builder.setColumnDictionaryEnabled(c, false);
  const props = builder.build();
  // transformParquetStream needs at least one row to learn the schema: messages without rows are set aside
  // until one with rows comes, and a stream that ends without any is written whole from its schema.
  let schemaOnly: Uint8Array | undefined;
  for (;;) {
    while (w.queue.length === 0 && !w.closed) await w.input.wait();
    const head = w.queue[0];
    if (head === undefined) {
      if (schemaOnly === undefined) return;
      const bytes = own(pw.writeParquet(pw.Table.fromIPCStream(schemaOnly), props));
      w.unacked++;
      post({ t: "chunk", job, bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    const t = pw.Table.fromIPCStream(head);
    let rows = 0;
    for (const x of t.recordBatches()) {
      rows += x.numRows;
      x.free();
    }
    t.free();
    if (rows > 0) break;
    schemaOnly = w.queue.shift();
    post({ t: "consumed", job, bytes: head.byteLength });
  }
  const input = new ReadableStream({
    async pull(controller) {
      for (;;) {
        while (w.queue.length === 0 && !w.closed) await w.input.wait();
        const ipc = w.queue.shift();
        if (ipc === undefined) {
          controller.close();
          return;
        }
        post({ t: "consumed", job, bytes: ipc.byteLength });
        const table = pw.Table.fromIPCStream(ipc);
        let rows = 0;
        for (const b of table.recordBatches()) {
          if (b.numRows === 0) continue;
          rows += b.numRows;
          controller.enqueue(b);
        }
        table.free();
        if (rows > 0) return;
      }
    },
  });
  const output = await pw.transformParquetStream(input, props);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const out = new Uint8Array(pendingBytes);
    let at = 0;
    for (const p of pending) {
      out.set(p, at);
      at += p.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    while (w.unacked >= WINDOW && !w.cancelled) await w.acks.wait();
    w.unacked++;
    post({ t: "chunk", job, bytes: out }, [out.buffer as ArrayBuffer]);
  };
  for await (const chunk of output as unknown as AsyncIterable<Uint8Array>) {
    if (w.cancelled) return;
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
}

/** The file to read: a local path opened as a Blob (read lazily from disk), else ranged reads by the main thread. */
async function source(job: number, size: number, path: string | undefined): Promise<Blob> {
  return path === undefined ? remoteBlob(job, size) : ((await openAsBlob(path)) as Blob);
}

/** Jobs that failed while parquet-wasm was waiting on them: their error is posted, nothing more is. */
const failed = new Set<number>();

/**
 * Ends `job` with `reason` from inside parquet-wasm's reading, where a rejected read would crash the whole worker
 * (parquet-wasm 0.8 traps on it): the error is posted and parquet-wasm is left waiting for bytes that never come.
 * The pool replaces a worker after a failed job, so what it was holding goes with the worker.
 */
function refuse(job: number, reason: unknown): Promise<never> {
  if (!failed.has(job)) {
    failed.add(job);
    post({
      t: "error",
      job,
      message: reason instanceof Error ? reason.message : String(reason),
      fatal: false,
      memory: memory(),
    });
  }
  return new Promise<never>(() => undefined);
}

/** The file to read, checked before parquet-wasm sees its bytes; a check that fails ends the job (refuse). */
async function checkedSource(job: number, size: number, path: string | undefined): Promise<Blob> {
  return checkedFile(await source(job, size, path), size, (reason) => refuse(job, reason));
}

async function meta(job: number, size: number, path: string | undefined): Promise<void> {
  const file = await pw.ParquetFile.fromFile(await checkedSource(job, size, path));
  try {
    const schema = own(file.schema().intoIPCStream());
    const rowGroupRows = file
      .metadata()
      .rowGroups()
      .map((g) => g.numRows());
    post({ t: "meta", job, schema, rowGroupRows }, [schema.buffer as ArrayBuffer]);
  } finally {
    file.free();
  }
}

async function read(
  job: number,
  size: number,
  path: string | undefined,
  settings: ReadSettings,
  r: Reader,
): Promise<void> {
  const file = await pw.ParquetFile.fromFile(await checkedSource(job, size, path));
  try {
    const stream = await file.stream({
      batchSize: settings.batchSize,
      ...(settings.columns === undefined ? {} : { columns: [...settings.columns] }),
      ...(settings.rowGroups === undefined ? {} : { rowGroups: [...settings.rowGroups] }),
    });
    let skip = settings.skipRows;
    for await (let batch of stream as unknown as AsyncIterable<pw.RecordBatch>) {
      // A job started over on this worker: the rows an earlier run posted are decoded again but not sent.
      if (skip > 0) {
        const whole = batch;
        const n = whole.numRows;
        if (n <= skip) {
          skip -= n;
          whole.free();
          continue;
        }
        batch = whole.slice(skip, n - skip);
        whole.free();
        skip = 0;
      }
      const rows = batch.numRows;
      const ipc = own(batch.intoIPCStream());
      while (r.unacked >= WINDOW && !r.cancelled) await r.acks.wait();
      if (r.cancelled) return;
      r.unacked++;
      post({ t: "batch", job, ipc, rows }, [ipc.buffer as ArrayBuffer]);
    }
  } finally {
    file.free();
  }
}

function run(job: number, task: Promise<void>, cleanup: () => void): void {
  task
    .then(
      () => {
        if (!failed.has(job)) post({ t: "done", job, memory: memory() });
      },
      (e: unknown) => {
        if (failed.has(job)) return;
        // A wasm trap leaves the module in an unknown state: report it, then end this worker (the pool starts another).
        const fatal = e instanceof Error && e.name === "RuntimeError";
        const message = e instanceof Error ? e.message : String(e);
        post({ t: "error", job, message: fatal ? msg.parquetCrashed(message) : message, fatal, memory: memory() });
        if (fatal) setImmediate(() => process.exit(1));
      },
    )
    .finally(() => {
      failed.delete(job);
      cleanup();
    });
}

/** The main thread took one posted chunk or batch: the job may post another. */
function ack(job: { unacked: number; readonly acks: Gate } | undefined): void {
  if (job === undefined) return;
  job.unacked--;
  job.acks.release();
}

port.on("message", (m: ToWorker) => {
  switch (m.t) {
    case "write-open": {
      const w = new Writer();
      writers.set(m.job, w);
      run(m.job, write(m.job, m.settings, w), () => writers.delete(m.job));
      return;
    }
    case "write-batch": {
      const w = writers.get(m.job);
      if (w === undefined) return;
      w.queue.push(m.ipc);
      w.input.release();
      return;
    }
    case "write-close": {
      const w = writers.get(m.job);
      if (w === undefined) return;
      w.closed = true;
      w.input.release();
      return;
    }
    case "write-ack":
      ack(writers.get(m.job));
      return;
    case "read-ack":
      ack(readers.get(m.job));
      return;
    case "meta":
      run(m.job, meta(m.job, m.size, m.path), () => undefined);
      return;
    case "read": {
      const r: Reader = { unacked: 0, acks: new Gate(), cancelled: false };
      readers.set(m.job, r);
      run(m.job, read(m.job, m.size, m.path, m.settings, r), () => readers.delete(m.job));
      return;
    }
    case "cancel": {
      const w = writers.get(m.job);
      if (w !== undefined) {
        w.cancelled = w.closed = true;
        w.input.release();
        w.acks.release();
      }
      const r = readers.get(m.job);
      if (r !== undefined) {
        r.cancelled = true;
        r.acks.release();
      }
      return;
    }
    case "range": {
      const p = ranges.get(m.rid);
      ranges.delete(m.rid);
      if (p === undefined) return;
      if (m.bytes !== undefined) {
        const b = own(m.bytes);
        p.resolve(b.buffer as ArrayBuffer);
      } else p.reject(new Error(m.error ?? "range read failed"));
      return;
    }
  }
});

post({ t: "ready", job: 0 });
