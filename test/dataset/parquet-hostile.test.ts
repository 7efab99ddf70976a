// Parquet files made to hurt the reader: pages that claim gigabytes, and a file that crashes parquet-wasm while
// another file is read on the same worker. Each is a typed error naming the file, in bounded memory, and the other
// reads on the pool go on unharmed.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { numbers } from "../../fixtures/arrow-data.js";
import { readParquet, readParquetTable } from "../../src/adapters/parquet/parquet-read.js";
import { type ParquetCompression, writeParquet } from "../../src/adapters/parquet/parquet-write.js";
import { WorkerPool } from "../../src/adapters/parquet/worker-pool.js";
import { ErrorCode, Storage } from "../../src/index.js";
import type { Backend, ByteRange, ObjectInfo } from "../../src/storage/backend.js";
import { LocalBackend } from "../../src/storage/local.js";
import { datasetSetup } from "../support/dataset-setup.js";
import { rejection } from "../support/helpers.js";
import { claimPageSize } from "../support/parquet-bytes.js";

const { work, engine } = datasetSetup();
const pools: WorkerPool[] = [];
const poolOf = (size: number, options?: ConstructorParameters<typeof WorkerPool>[1]) => {
  const p = new WorkerPool(size, options);
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** A Parquet file of `rows` rows of `numbers`, written by writeParquet; returns its path. */
async function goodFile(name: string, rows: number, options: { rowGroupRows?: number } = {}): Promise<string> {
  await writeParquet(new A.Table(numbers(0, rows)), join(work, name), engine.storage, options);
  return join(work, name, "00000");
}

/** Checks that `t` holds exactly rows 0 … n-1 of `numbers`, each once and in order. */
function expectNumbers(t: A.Table, n: number): void {
  expect(t.numRows).toBe(n);
  let k = 0n;
  let misplaced = 0;
  for (const x of t.getChild("i") as A.Vector) if (x !== k++) misplaced++;
  expect(misplaced).toBe(0);
  expect(t.getChild("s")?.get(n - 1)).toBe(`s${(n - 1) % 1000}`);
}

describe("pages that claim more than the file holds", () => {
  it("a page claiming 2 GiB uncompressed in a 14 KB file is decode_failed naming the file, in bounded memory", async () => {
    const bytes = readFileSync(await goodFile("claims-small", 1000));
    const huge = join(work, "claims-2gib.parquet");
    writeFileSync(huge, claimPageSize(bytes, 2 ** 31 - 1));
    expect(statSync(huge).size).toBe(bytes.length);
    // In a process of its own, so that its peak RSS (workers included) is this read's alone.
    const child = join(import.meta.dirname, "../support/parquet-read-child.ts");
    const out = execFileSync(process.execPath, ["--import", "tsx", child, huge], { encoding: "utf8" });
    const result = JSON.parse(out.trim().split("\n").pop() as string);
    expect(result.code).toBe(ErrorCode.decodeFailed);
    expect(result.message).toContain(huge);
    expect(result.message).toContain("claims 2147483647 bytes uncompressed");
    // Without the checks this read peaked at 2.3 GB; reading the valid file peaks at about 190 MB (node, one worker).
    expect(result.maxRssBytes).toBeLessThan(1 << 30);
  });

  it("the worker that met such a file is replaced, and the pool reads on", async () => {
    const good = await goodFile("claims-good", 1000);
    const huge = join(work, "claims-1gib.parquet");
    writeFileSync(huge, claimPageSize(readFileSync(good), 2 ** 30));
    const pool = poolOf(1);
    expectNumbers(await readParquetTable(good, engine.storage, { pool }), 1000);
    const before = pool.spawned;
    const e = await rejection(readParquetTable(huge, engine.storage, { pool }));
    expect(e.code).toBe(ErrorCode.decodeFailed);
    expect(e.path).toBe(huge);
    expect(e.message).toMatch(/the page at byte 4 claims 1073741824 bytes uncompressed from \d+ snappy bytes/);
    expectNumbers(await readParquetTable(good, engine.storage, { pool }), 1000);
    expect(pool.spawned).toBeGreaterThan(before);
  });

  it.each<ParquetCompression>(["snappy", "zstd", "gzip", "brotli", "lz4"])(
    "pages that really compress that well (%s) are read",
    async (compression) => {
      const n = 300_000;
      const zeros = new A.Table({ z: A.makeVector(new BigInt64Array(n)), y: A.makeVector(new Float64Array(n)) });
      const uri = join(work, `zeros-${compression}`);
      await writeParquet(zeros, uri, engine.storage, { compression });
      const t = await readParquetTable(uri, engine.storage, { pool: poolOf(1) });
      expect(t.numRows).toBe(n);
      expect(t.getChild("z")?.get(n - 1)).toBe(0n);
    },
  );

  it("a worker whose memory grew past the pool's bound is replaced once its jobs end", async () => {
    const good = await goodFile("retire-good", 1000);
    const keeping = poolOf(1);
    const replacing = poolOf(1, { retireAboveBytes: 1 });
    for (const pool of [keeping, replacing]) {
      for (let i = 0; i < 2; i++) expectNumbers(await readParquetTable(good, engine.storage, { pool }), 1000);
    }
    expect(keeping.spawned).toBe(1);
    // Every worker's memory is above one byte after a job: the second read found the first one's worker gone.
    expect(replacing.spawned).toBeGreaterThanOrEqual(2);
  });
});

/**
 * Local files under the `held://` scheme. The first read of `file` whose range starts where `hold` says is held until
 * `unhold()`; with `failWith`, such reads fail instead.
 */
class HeldBackend implements Backend {
  readonly scheme = "held";
  private readonly local = new LocalBackend();
  private held = false;
  private onHeld: () => void = () => undefined;
  private release: () => void = () => undefined;
  /** Resolves when the held read has been asked for (its job is then waiting in its worker). */
  readonly holding = new Promise<void>((r) => (this.onHeld = r));
  private readonly released = new Promise<void>((r) => (this.release = r));

  constructor(
    private readonly file: string,
    private readonly hold: (start: number) => boolean,
    private readonly failWith?: Error,
  ) {}

  unhold(): void {
    this.release();
  }

  async *read(uri: string, range: ByteRange = {}): AsyncIterable<Uint8Array> {
    const path = uri.slice("held://".length);
    if (path === this.file && this.hold(range.start ?? 0)) {
      if (this.failWith !== undefined) throw this.failWith;
      if (!this.held) {
        this.held = true;
        this.onHeld();
        await this.released;
      }
    }
    yield* this.local.read(path, range);
  }
  async stat(uri: string): Promise<ObjectInfo | undefined> {
    const info = await this.local.stat(uri.slice("held://".length));
    return info === undefined ? undefined : { uri, size: info.size };
  }
  write(): Promise<ObjectInfo> {
    throw new Error("read only");
  }
  async *list(): AsyncIterable<ObjectInfo> {}
  async delete(): Promise<void> {}
}

describe("a file that crashes parquet-wasm", () => {
  const crashing = join(import.meta.dirname, "../../fixtures/parquet/page-size-mismatch.parquet");
  /** Data ranges: past the magic, and before the file's last 100 KB (its footer and page indexes). */
  const dataAt = (from: number, size: number) => (start: number) => start >= from && start < size - 100_000;

  it.each([
    ["before its first row group", 0],
    ["after its first row group was delivered", 1000],
  ])(
    "fails alone: a read on its worker, held %s, moves to a fresh worker and returns every row once",
    async (_, from) => {
      const unhandled: unknown[] = [];
      const track = (e: unknown) => unhandled.push(e);
      process.on("unhandledRejection", track);
      try {
        const goodPath = await goodFile(`beside-crash-${from}`, 300_000, { rowGroupRows: 50_000 });
        // The good file's first data range (or its second row group's) is held, so that its read is surely on the one
        // worker when the other file crashes it.
        const held = new HeldBackend(goodPath, dataAt(from, statSync(goodPath).size));
        const storage = new Storage({ backends: [held] });
        const pool = poolOf(1);
        const good = readParquetTable(`held://${goodPath}`, storage, { pool });
        await held.holding;
        const bad = rejection(readParquetTable(crashing, storage, { pool }));
        void bad.finally(() => held.unhold());
        expectNumbers(await good, 300_000);
        const e = await bad;
        expect(e.code).toBe(ErrorCode.decodeFailed);
        expect(e.path).toBe(crashing);
        expect(e.message).toContain(crashing);
        expect(e.message).toContain("parquet-wasm crashed on it");
        // The pool reads on.
        expectNumbers(await readParquetTable(goodPath, engine.storage, { pool }), 300_000);
        await new Promise((r) => setTimeout(r, 50));
        expect(unhandled).toEqual([]);
      } finally {
        process.off("unhandledRejection", track);
      }
    },
  );

  it("two readers of it at once both fail, and a read streaming beside them is whole and in order", async () => {
    const goodPath = await goodFile("streaming-beside-crash", 300_000, { rowGroupRows: 50_000 });
    const pool = poolOf(1);
    const batches = readParquet(goodPath, engine.storage, { pool, batchSize: 10_000 });
    const first = await batches.next();
    const bad = [1, 2].map(() => rejection(readParquetTable(crashing, engine.storage, { pool })));
    const rest: A.RecordBatch[] = [first.value as A.RecordBatch];
    for await (const b of batches) rest.push(b);
    expectNumbers(new A.Table(rest), 300_000);
    for (const e of await Promise.all(bad)) {
      expect(e.code).toBe(ErrorCode.decodeFailed);
      expect(e.path).toBe(crashing);
    }
  });

  it("a data range the storage cannot read fails that read with the storage's reason, not a crash", async () => {
    const goodPath = await goodFile("range-fails", 20_000);
    const failing = new HeldBackend(goodPath, dataAt(0, statSync(goodPath).size), new Error("the disk caught fire"));
    const storage = new Storage({ backends: [failing] });
    const e = await rejection(readParquetTable(`held://${goodPath}`, storage, { pool: poolOf(1) }));
    expect(e.code).toBe(ErrorCode.decodeFailed);
    expect(e.message).toContain(`held://${goodPath}`);
    expect(e.message).toContain("the disk caught fire");
  });
});
