// The local file system as a backend: the embedded default, no server needed. Writes go to a temporary sibling
// that is renamed into place, so a reader never sees a half-written file.
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./backend.js";
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
    const tmp = `${path}${PARTIAL}${randomBytes(6).toString("hex")}`;
    try {
      await mkdir(dirname(path), { recursive: true });
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

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    const root = localPath(prefix);
    let entries: string[];
    try {
      entries = (await readdir(root, { recursive: true })).sort();
    } catch (e) {
      if (isMissing(e)) return;
      throw storageError("listing", prefix, e);
    }
    const base = prefix.replace(/\/+$/, "");
    for (const rel of entries) {
      if (rel.includes(PARTIAL)) continue;
      const info = await this.stat(join(root, rel));
      if (info === undefined) continue;
      yield { uri: `${base}/${relative(root, join(root, rel)).split(sep).join("/")}`, size: info.size };
    }
  }

  async delete(uri: string): Promise<void> {
    await rm(localPath(uri), { force: true });
  }
}
