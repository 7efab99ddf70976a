// What a storage backend does. Every write is all-or-nothing: an object becomes visible only once its last byte is
// stored, so a literal can never point at half-written data.

/** A byte range `[start, end)`; `end` absent means to the end of the object. */
export interface ByteRange {
  readonly start?: number;
  readonly end?: number;
}

export interface ObjectInfo {
  readonly uri: string;
  readonly size: number;
}

/** What may be written: bytes in memory, or a stream of chunks (a Node Readable is one). */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

export interface WriteOptions {
  /** The body's length when known up front (a file); lets a backend pick a single request for small bodies. */
  readonly size?: number;
  readonly signal?: AbortSignal;
}

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
  delete(uri: string): Promise<void>;
}
