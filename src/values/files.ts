// File and directory values: lazy handles on a URI. Reading a literal creates a handle and nothing more; bytes move
// only when the caller opens, downloads or walks it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { ByteRange, ObjectInfo } from "../storage/backend.js";
import { safeFileName } from "../storage/local-files.js";
import type { TransferOptions } from "../storage/progress.js";
import type { Storage } from "../storage/storage.js";
import { notFoundError } from "../storage/storage-errors.js";
import { baseName, isRemote } from "../storage/uri.js";

/** What a file or directory handle is made with. */
export interface HandleOptions {
  /** The format in the blob type (`"csv"`); "" when unspecified. */
  readonly format?: string;
  /**
   * The storage that reads it. Handles read from literals get the engine's; a handle made by hand needs one for
   * I/O (an engine will do: `new FlyteFile(uri, engine)`), but not to be sent as a value.
   */
  readonly storage?: Storage;
}

/** What a file handle is made with: a handle's options plus the literal's metadata. */
export interface FileOptions extends HandleOptions {
  /** `Literal.metadata`, as flytekit's `FlyteFile.metadata`. */
  readonly metadata?: Readonly<Record<string, string>>;
}

abstract class Handle {
  /** Where the data is: a remote URI (`s3://…`) or a local path (a `file:` URL becomes its path). */
  readonly uri: string;
  /** The blob format of the type (`"csv"`); "" when unspecified. */
  readonly format: string;
  readonly #storage: Storage | undefined;

  constructor(uri: string | URL, options: HandleOptions = {}) {
    this.uri = typeof uri === "string" ? uri : uri.protocol === "file:" ? uri.pathname : uri.href;
    this.format = options.format ?? "";
    this.#storage = options.storage;
  }

  /** The storage I/O goes through; a handle made without one refuses I/O with a typed error. */
  protected get storage(): Storage {
    return (
      this.#storage ?? fail(ErrorCode.noStorage, msg.noStorage(this.constructor.name, this.uri), { root: this.uri })
    );
  }

  /** Whether the URI names remote storage (not the local file system). */
  get remote(): boolean {
    return isRemote(this.uri);
  }

  /** The last segment of the URI. */
  get name(): string {
    return baseName(this.uri);
  }

  /** The URI. */
  toString(): string {
    return this.uri;
  }

  /** The URI, so that a handle in `JSON.stringify` is its location. */
  toJSON(): string {
    return this.uri;
  }
}

/** A single file (a SINGLE blob): flytekit's `FlyteFile`, Flyte 2's `File`. */
export class FlyteFile extends Handle {
  /** `Literal.metadata` (flytekit's `FlyteFile.metadata`), written with the literal; undefined when there is none. */
  readonly metadata: Readonly<Record<string, string>> | undefined;

  constructor(uri: string | URL, options: FileOptions = {}) {
    super(uri, options);
    this.metadata = options.metadata;
  }

  /** Streams the file, or a byte range of it, without downloading it first. */
  open(range?: ByteRange): Readable {
    // node:stream is taken when first needed (a cold import would pay ~2 ms for it).
    const { Readable: NodeReadable } = process.getBuiltinModule("node:stream");
    return NodeReadable.from(this.storage.read(this.uri, range), { objectMode: false });
  }

  /** The whole file in memory; for large files, stream it with `open()` or `download()` it. */
  async bytes(): Promise<Uint8Array> {
    return this.storage.readBytes(this.uri);
  }

  /** The whole file decoded as UTF-8 (invalid bytes become U+FFFD). */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  /** The file's URI and size in bytes; rejects with `not_found` when there is no file at the URI. */
  async stat(): Promise<ObjectInfo> {
    const info = await this.storage.stat(this.uri);
    if (info === undefined) throw notFoundError(this.uri);
    return info;
  }

  /**
   * Downloads to `to` (default: a fresh temporary directory, keeping the name, which must be a plain file name);
   * returns the local path. A failed or cancelled (`signal`) download leaves nothing behind, not even the
   * temporary directory; `onProgress` reports its bytes out of the object's size.
   */
  async download(to?: string, options: TransferOptions = {}): Promise<string> {
    if (to !== undefined) return this.storage.download(this.uri, to, options);
    const storage = this.storage;
    const name = safeFileName(this.name || "file");
    return inTemporaryDirectory("flyte-file-", (dir) => storage.download(this.uri, join(dir, name), options));
  }
}

/** A directory (a MULTIPART blob): flytekit's `FlyteDirectory`, Flyte 2's `Dir`. */
export class FlyteDirectory extends Handle {
  /** Every file under the directory, recursively, as lazy handles. */
  async *files(): AsyncIterable<FlyteFile> {
    for await (const o of this.storage.list(this.uri)) yield new FlyteFile(o.uri, { storage: this.storage });
  }

  /**
   * Downloads every file to `to` (default: a fresh temporary directory); returns the local path. Keys that would
   * leave the target are refused before anything is written (`unsafe_path`). A cancelled download (`signal`)
   * removes the files it wrote; `onProgress` reports bytes and files out of the listing's totals.
   */
  async download(to?: string, options: TransferOptions = {}): Promise<string> {
    const storage = this.storage;
    if (to !== undefined) {
      await storage.downloadDirectory(this.uri, to, options);
      return to;
    }
    return inTemporaryDirectory("flyte-dir-", async (dir) => {
      await storage.downloadDirectory(this.uri, dir, options);
      return dir;
    });
  }
}

/** Runs `work` in a fresh temporary directory, which is removed again if `work` fails. */
async function inTemporaryDirectory<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await work(dir);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
