// Local files as they come from outside: a file read for upload must not change under us, a directory walk must
// not follow links out of the tree or round in circles, and a key from a listing must not name a path outside the
// directory it is downloaded into.
import { open, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { ioError } from "./storage-errors.js";

const CHUNK = 1 << 20;

/**
 * The bytes of a local file whose size was `size` when it was looked at. The file is opened first (so a file we
 * may not read fails here, as a rejection, never as a stream's error event), and a file that ends early or goes on
 * past `size` is an error: the upload that consumes this fails, and no object appears.
 */
export async function* readLocalFile(path: string, size: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, "r").catch((e) => {
    throw ioError("reading", path, e);
  });
  try {
    let done = 0;
    while (done < size) {
      const buf = new Uint8Array(Math.min(CHUNK, size - done));
      const { bytesRead } = await handle.read(buf, 0, buf.byteLength, done).catch((e) => {
        throw ioError("reading", path, e);
      });
      if (bytesRead === 0) fail(ErrorCode.changedWhileReading, msg.fileChanged(path, size, `it ended at ${done}`));
      done += bytesRead;
      yield bytesRead === buf.byteLength ? buf : buf.subarray(0, bytesRead);
    }
    const probe = await handle.read(new Uint8Array(1), 0, 1, done);
    if (probe.bytesRead > 0) fail(ErrorCode.changedWhileReading, msg.fileChanged(path, size, "it has grown"));
  } finally {
    await handle.close();
  }
}

export interface LocalEntry {
  /** The path relative to the walked directory, with `/` separators. */
  readonly rel: string;
  /** The absolute path to read. */
  readonly path: string;
  readonly size: number;
}

/**
 * Every regular file under `root`, in sorted order. As Python's `os.walk` does, links to directories are not
 * followed (a link to `.` cannot make the walk endless). A link to a file is read when its target lies inside
 * `root`; one pointing outside is refused (`unsafe_path`), so a directory upload never carries a file from
 * elsewhere, and a dangling link is `not_found`, naming the link.
 */
export async function* walkLocalTree(root: string): AsyncGenerator<LocalEntry> {
  const realRoot = await realpath(root).catch((e) => {
    throw ioError("listing", root, e);
  });
  yield* walkFrom(root, "", realRoot);
}

/** Entries of `root/dir` in the order object stores list keys (a directory as its name plus `/`), depth first. */
async function* walkFrom(root: string, dir: string, realRoot: string): AsyncGenerator<LocalEntry> {
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch((e) => {
    throw ioError("listing", join(root, dir), e);
  });
  const keyed = entries.map((e) => ({ entry: e, key: e.isDirectory() ? `${e.name}/` : e.name }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { entry } of keyed) {
    const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
    const path = join(root, rel);
    if (entry.isDirectory()) yield* walkFrom(root, rel, realRoot);
    else if (entry.isFile()) yield { rel, path, size: (await statOf(path)).size };
    else if (entry.isSymbolicLink()) {
      const size = await linkedFile(path, realRoot);
      if (size !== undefined) yield { rel, path, size };
    }
  }
}

/** The size of the file a link points to, or undefined for a link to a directory (not followed). */
async function linkedFile(link: string, realRoot: string): Promise<number | undefined> {
  const target = await realpath(link).catch((e) => {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      fail(ErrorCode.notFound, msg.danglingLink(link), { root: link });
    throw ioError("listing", link, e);
  });
  const info = await statOf(target);
  if (info.isDirectory()) return undefined;
  const inside = relative(realRoot, target);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) {
    fail(ErrorCode.unsafePath, msg.linkOutside(link, target, realRoot), {
      root: link,
      expected: `a file under ${realRoot}`,
      received: target,
    });
  }
  return info.isFile() ? info.size : undefined;
}

const statOf = (path: string) =>
  stat(path).catch((e) => {
    throw ioError("reading", path, e);
  });

/**
 * The relative path segments of `key` (a listing's key below the downloaded prefix), refusing anything that would
 * land outside the target: empty, `.` or `..` segments, absolute keys, NUL bytes.
 */
export function safeSegments(key: string, under: string): string[] {
  const segments = key.split("/");
  const bad = key === "" || segments.some((s) => s === "" || s === "." || s === ".." || s.includes("\0"));
  if (bad) {
    fail(ErrorCode.unsafePath, msg.unsafeKey(key, under), {
      root: under,
      expected: "a relative key without empty, . or .. segments",
      received: JSON.stringify(key),
    });
  }
  return segments;
}

/** `name` if it can be a single file name in a directory, else an unsafe_path error. */
export function safeFileName(name: string): string {
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0")) {
    fail(ErrorCode.unsafePath, msg.unsafeName(name), { expected: "a file name", received: JSON.stringify(name) });
  }
  return name;
}
