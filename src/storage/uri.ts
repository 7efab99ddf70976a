// Storage URIs: `s3://bucket/key`, `file:///abs/path` or a plain path. One parser, so every backend agrees on what
// a URI names and how child URIs are joined.
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The scheme of a URI; a plain path (no `scheme://`) is `file`. */
export function schemeOf(uri: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(uri);
  return m === null ? "file" : (m[1] as string).toLowerCase();
}

/** Whether a URI names a remote object (anything but the local file system), as flytekit decides. */
export const isRemote = (uri: string): boolean => schemeOf(uri) !== "file";

/** The absolute local path of a `file://` URI or a plain path. */
export function localPath(uri: string): string {
  if (uri.startsWith("file://")) return fileURLToPath(uri);
  return isAbsolute(uri) ? uri : resolve(uri);
}

export interface BucketKey {
  readonly bucket: string;
  /** The key, without a leading slash; "" for the bucket itself. */
  readonly key: string;
}

/** `s3://bucket/a/b` → `{ bucket, key: "a/b" }`. */
export function bucketKey(uri: string): BucketKey | undefined {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (m === null || m[1] === undefined) return undefined;
  return { bucket: m[1], key: m[2] ?? "" };
}

/** Joins path parts onto a URI with single slashes, like fsspec's `join`. */
export function joinUri(base: string, ...parts: string[]): string {
  let out = base.replace(/\/+$/, "");
  for (const p of parts) {
    const clean = p.replace(/^\/+|\/+$/g, "");
    if (clean !== "") out = `${out}/${clean}`;
  }
  return out;
}

/** The last path segment of a URI or path: the name a file keeps when it is uploaded. */
export function baseName(uri: string): string {
  const trimmed = uri.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
