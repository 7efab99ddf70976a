// The local file system as a backend: the embedded default, no server needed. Writes go to a temporary sibling
// that is renamed into place, so a reader never sees a half-written file.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomHex } from "../random-hex.js";
import type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./backend.js";
import { walkLocalTree } from "./local-files.js";
import { ioError, isMissing, storageError } from "./storage-errors.js";
import { localPath } from "./uri.js";

/** Temporary files carry this infix; listings skip them (a crashed writer may leave one behind). */
const PARTIAL = ".flyte-partial-";

export class LocalBackend implements Backend {
  readonly scheme = "file";

  async *read(uri: string, range: ByteRange = {}): AsyncIterable<Uint8Array> {
    const path = localPath(uri);
    const { start = 0, end } = range;
    if (end !== undefined && end <= start) return;
    const stream = createReadStream(path, { start, ...(end === undefined ? {} : { end: end - 1 }) });
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } catch (e) {
      throw ioError("reading", uri, e);
    } finally {
      stream.destroy();
    }
  }

  async write(uri: string, body: ByteSource, options: WriteOptions = {}): Promise<ObjectInfo> {
    const path = localPath(uri);
    // A short sibling name, whatever the target's: a 255-byte name plus a suffix would pass the file system's limit.
    const tmp = join(dirname(path), `${PARTIAL}${randomHex(6)}`);
    try {
      await mkdir(dirname(path), { recursive: true });
      // Taken here, not imported at the top (node:stream costs a cold start ~2 ms), and synchronously: an await
      // between opening the file and pipeline() listening to it would let an open error go unhandled.
      const { pipeline } = process.getBuiltinModule("node:stream/promises");
      const out = createWriteStream(tmp);
      const source = body instanceof Uint8Array ? [body] : body;
      await pipeline(source, out, options.signal === undefined ? {} : { signal: options.signal });
      const info = await stat(tmp);
      await rename(tmp, path);
      return { uri, size: info.size };
    } catch (e) {
      await rm(tmp, { force: true });
      throw storageError("writing", uri, e);
    }
  }

  async stat(uri: string): Promise<ObjectInfo | undefined> {
    try {
      const info = await stat(localPath(uri));
      return info.isFile() ? { uri, size: info.size } : undefined;
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw storageError("inspecting", uri, e);
    }
  }

  /** Files under a directory, walked as `walkLocalTree` walks (links to directories not followed). */
  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    const root = localPath(prefix);
    const info = await stat(root).catch((e) => {
      if (isMissing(e)) return undefined;
      throw storageError("listing", prefix, e);
    });
    if (info === undefined || !info.isDirectory()) return;
    const base = prefix.replace(/\/+$/, "");
    for await (const entry of walkLocalTree(root)) {
      if (entry.rel.slice(entry.rel.lastIndexOf("/") + 1).startsWith(PARTIAL)) continue;
      yield { uri: `${base}/${entry.rel}`, size: entry.size };
    }
  }

  async delete(uri: string): Promise<void> {
    await rm(localPath(uri), { force: true });
  }
}
