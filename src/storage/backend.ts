// What a storage backend does. Every write is all-or-nothing: an object becomes visible only once its last byte is
// stored, so a literal can never point at half-written data.

/** A byte range `[start, end)`; `end` absent means to the end of the object. */
export interface ByteRange {
  /** The offset of the first byte read; default 0. */
  readonly start?: number;
  /** The offset just past the last byte read (exclusive); a range with `end <= start` reads nothing. */
  readonly end?: number;
}

/** A stored object, as `write`, `stat` and `list` report it. */
export interface ObjectInfo {
  /** The object's full URI (for `list`, the prefix joined with its key). */
  readonly uri: string;
  /** Its length in bytes. */
  readonly size: number;
}

/** What may be written: bytes in memory, or a stream of chunks (a Node Readable is one). */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

/** How a write runs. */
export interface WriteOptions {
  /** The body's length when known up front (a file); lets a backend pick a single request for small bodies. */
  readonly size?: number;
  /** Stops the write: it rejects and nothing is left at the URI (an S3 multipart upload is aborted). */
  readonly signal?: AbortSignal;
}

/**
 * One storage system, serving the URIs of one scheme. Give your own in `StorageOptions.backends` (a backend with the
 * scheme of a built-in one replaces it).
 */
export interface Backend {
  /** The URI scheme served, e.g. `file` or `s3`. */
  readonly scheme: string;
  /** Streams an object (or a range of it). A missing object rejects the first read with `not_found`. */
  read(uri: string, range?: ByteRange): AsyncIterable<Uint8Array>;
  /** Writes an object atomically and returns its size; on failure nothing is left at `uri`. */
  write(uri: string, body: ByteSource, options?: WriteOptions): Promise<ObjectInfo>;
  /** The object's size, or undefined when there is none. */
  stat(uri: string): Promise<ObjectInfo | undefined>;
  /** Every object under `prefix` (a directory), recursively, in key order. */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Removes an object; one that is already missing is not an error. */
  delete(uri: string): Promise<void>;
}
