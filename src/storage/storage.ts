// One storage over several backends, picked by URI scheme, with the raw-output prefix new data goes under.
import { mkdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { randomHex } from "../random-hex.js";
import type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./backend.js";
import { LocalBackend } from "./local.js";
import { type LocalEntry, readLocalFile, safeSegments, walkLocalTree } from "./local-files.js";
import { abortedError, Meter, metered, type TransferOptions, throwIfAborted } from "./progress.js";
import { S3Backend, type S3Options } from "./s3.js";
import { ioError, notFoundError } from "./storage-errors.js";
import { runPool } from "./transfer-pool.js";
import { baseName, joinUri, localPath, schemeOf } from "./uri.js";

/** How a `Storage` is set up; every option has a default. */
export interface StorageOptions {
  /**
   * Where new files, directories and offloaded literals are written, as `<prefix>/<random>/<name>` (flytekit's
   * layout), so concurrent tasks never collide. Default: `./.flyte-data/raw`, as an absolute path.
   */
  readonly rawOutputPrefix?: string;
  /** Settings for `s3://` URIs. */
  readonly s3?: S3Options;
  /** Further backends, or replacements for the built-in ones (matched by `scheme`). */
  readonly backends?: readonly Backend[];
  /** Files transferred at once when a directory is uploaded or downloaded; default 8. */
  readonly concurrency?: number;
}

/**
 * Where literals' data lives: one object store API over several backends, picked by URI scheme (`file` and `s3`
 * built in), plus the raw-output prefix new data is written under. Writes are all-or-nothing.
 */
export class Storage {
  /** Where new data goes (see `StorageOptions.rawOutputPrefix`); a local prefix is an absolute path. */
  readonly rawOutputPrefix: string;
  /** Files transferred at once by directory uploads, downloads and tree deletes. */
  readonly concurrency: number;
  private readonly backends = new Map<string, Backend>();

  constructor(options: StorageOptions = {}) {
    const prefix = options.rawOutputPrefix ?? resolve(".flyte-data", "raw");
    this.rawOutputPrefix = schemeOf(prefix) === "file" ? localPath(prefix) : prefix;
    this.concurrency = options.concurrency ?? 8;
    for (const b of [new LocalBackend(), new S3Backend(options.s3), ...(options.backends ?? [])]) {
      this.backends.set(b.scheme, b);
    }
  }

  /** The backend serving a URI; an unknown scheme is an error listing the known ones. */
  backend(uri: string): Backend {
    const scheme = schemeOf(uri);
    const b = this.backends.get(scheme);
    if (b !== undefined) return b;
    const known = [...this.backends.keys()];
    return fail(ErrorCode.unknownScheme, msg.unknownScheme(scheme, known), {
      root: uri,
      expected: known.map((s) => `${s}://`).join(" or "),
      received: `${scheme}://`,
    });
  }

  /** `<rawOutputPrefix>/<32 random hex digits>`: a fresh directory URI nobody else writes to. */
  randomPrefix(): string {
    return joinUri(this.rawOutputPrefix, randomHex(16));
  }

  /** `<rawOutputPrefix>/<random>/<name>`, where `name` is the last segment of a path or URI. */
  randomPath(name: string): string {
    return joinUri(this.randomPrefix(), baseName(name));
  }

  /** Streams an object (or a byte range of it); a missing object rejects the first read with `not_found`. */
  read(uri: string, range?: ByteRange): AsyncIterable<Uint8Array> {
    return this.backend(uri).read(uri, range);
  }

  /** Writes an object atomically (it appears only once complete) and returns its size. */
  write(uri: string, body: ByteSource, options?: WriteOptions): Promise<ObjectInfo> {
    return this.backend(uri).write(uri, body, options);
  }

  /** An object's size, or undefined when there is no object at `uri` (a directory is not one). */
  stat(uri: string): Promise<ObjectInfo | undefined> {
    return this.backend(uri).stat(uri);
  }

  /** Every object under a directory URI, recursively. */
  list(prefix: string): AsyncIterable<ObjectInfo> {
    return this.backend(prefix).list(prefix);
  }

  /** Deletes one object; a missing one is not an error. See `deleteTree` for a directory. */
  delete(uri: string): Promise<void> {
    return this.backend(uri).delete(uri);
  }

  /** Deletes every object under a directory URI. */
  async deleteTree(uri: string): Promise<void> {
    await runPool(this.list(uri), this.concurrency, (o) => this.delete(o.uri));
  }

  /** A whole object in memory; for small objects such as offloaded literals. */
  async readBytes(uri: string): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const c of this.read(uri)) {
      chunks.push(c);
      size += c.byteLength;
    }
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, size);
  }

  /**
   * Streams a local file to `uri`. The file must keep the size it had when the upload started: one that grows or
   * shrinks meanwhile fails the upload (`changed_while_reading`) and no object appears. `signal` stops it (a
   * multipart upload is aborted); `onProgress` counts its bytes.
   */
  async upload(path: string, uri: string, options: TransferOptions = {}): Promise<ObjectInfo> {
    const local = localPath(path);
    const what = `uploading ${local} to ${uri}`;
    throwIfAborted(options.signal, what);
    const info = await stat(local).catch((e) => {
      throw ioError("uploading", local, e);
    });
    if (!info.isFile())
      throw ioError("uploading", local, Object.assign(new Error("not a regular file"), { code: "EISDIR" }));
    const meter = new Meter(options.onProgress, { bytes: info.size, items: 1 });
    const body = metered(readLocalFile(local, info.size), meter, options.signal, what);
    const out = await cancellable(options.signal, what, () =>
      this.write(uri, body, { size: info.size, ...signalOf(options) }),
    );
    meter.add(0, 1);
    return out;
  }

  /** Streams `uri` to a local file; the file appears only once complete (a cancelled download leaves none). */
  async download(uri: string, path: string, options: TransferOptions = {}): Promise<string> {
    const local = localPath(path);
    const what = `downloading ${uri} to ${local}`;
    throwIfAborted(options.signal, what);
    const total = options.onProgress === undefined ? undefined : (await this.stat(uri))?.size;
    const meter = new Meter(options.onProgress, { bytes: total, items: 1 });
    const body = metered(this.read(uri), meter, options.signal, what);
    await cancellable(options.signal, what, () =>
      (this.backends.get("file") as Backend).write(local, body, signalOf(options)),
    );
    meter.add(0, 1);
    return local;
  }

  /**
   * Uploads every file under a local directory to `<uri>/<relative path>`; returns how many. Links to
   * directories are not followed; a link to a file outside the directory is refused (see `walkLocalTree`).
   */
  async uploadDirectory(path: string, uri: string, options: TransferOptions = {}): Promise<number> {
    const root = localPath(path);
    const what = `uploading ${root} to ${uri}`;
    // The whole walk first: a link that is refused stops the upload before any file is sent.
    const entries: LocalEntry[] = [];
    for await (const entry of walkLocalTree(root)) entries.push(entry);
    const meter = new Meter(options.onProgress, {
      bytes: entries.reduce((n, e) => n + e.size, 0),
      items: entries.length,
    });
    let n = 0;
    await cancellable(options.signal, what, () =>
      runPool(entries, this.concurrency, async (entry) => {
        throwIfAborted(options.signal, what);
        const body = metered(readLocalFile(entry.path, entry.size), meter, options.signal, what);
        await this.write(joinUri(uri, entry.rel), body, { size: entry.size, ...signalOf(options) });
        meter.add(0, 1);
        n++;
      }),
    );
    return n;
  }

  /**
   * Downloads every object under `uri` into a local directory, keeping relative paths; returns how many. Every key
   * is checked before anything is written: one that would land outside `path` (`..`, empty or absolute segments)
   * fails the whole download with `unsafe_path`.
   */
  async downloadDirectory(uri: string, path: string, options: TransferOptions = {}): Promise<number> {
    const root = localPath(path);
    const what = `downloading ${uri} to ${root}`;
    const base = uri.replace(/\/+$/, "");
    const targets: [string, string][] = [];
    let total = 0;
    for await (const o of this.list(uri)) {
      targets.push([o.uri, join(root, ...safeSegments(o.uri.slice(base.length + 1), uri))]);
      total += o.size;
    }
    const meter = new Meter(options.onProgress, { bytes: total, items: targets.length });
    const written: string[] = [];
    let n = 0;
    try {
      await cancellable(options.signal, what, () =>
        runPool(targets, this.concurrency, async ([from, to]) => {
          throwIfAborted(options.signal, what);
          const body = metered(this.read(from), meter, options.signal, what);
          await (this.backends.get("file") as Backend).write(to, body, signalOf(options));
          written.push(to);
          meter.add(0, 1);
          n++;
        }),
      );
    } catch (e) {
      // A download stopped part-way leaves none of the files it wrote (each appeared whole, by rename).
      if (options.signal?.aborted === true) await Promise.allSettled(written.map((f) => rm(f, { force: true })));
      throw e;
    }
    // Object stores have no empty directories: nothing under the prefix means nothing is there. A local
    // directory that exists but is empty is fine.
    if (n === 0 && !(schemeOf(uri) === "file" && (await stat(localPath(uri)).catch(() => undefined))?.isDirectory())) {
      throw notFoundError(uri);
    }
    await mkdir(root, { recursive: true });
    return n;
  }
}

const signalOf = (o: TransferOptions): { signal?: AbortSignal } => (o.signal === undefined ? {} : { signal: o.signal });

/** Runs `op`; when `signal` has fired, whatever it failed with becomes the `aborted` error. */
async function cancellable<T>(signal: AbortSignal | undefined, what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (signal?.aborted === true) throw abortedError(what, signal);
    throw e;
  }
}
