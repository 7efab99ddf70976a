// A Parquet file as parquet-wasm reads it (a Blob), with what it claims checked on the way (parquet-bounds.ts).
import { type ChunkRange, checkPages, footerStart, readFooter, TAIL_BYTES } from "./parquet-bounds.js";

const bytesOf = async (blob: Blob, start: number, end: number) =>
  new Uint8Array(await blob.slice(start, end).arrayBuffer());

/**
 * `base` (a file of `size` bytes) as parquet-wasm sees it, checked first: its footer before parquet-wasm opens it (a
 * footer that does not hold together rejects here, cleanly), and the page headers of every column chunk whose start
 * is in a range parquet-wasm reads, before the bytes reach it. The file's tail, which holds the footer, is fetched
 * once and serves parquet-wasm's reads of it. A read that fails later, or bytes that fail a check, go to `refuse`:
 * parquet-wasm 0.8 crashes its worker when a read it waits on rejects.
 */
export async function checkedFile(
  base: Blob,
  size: number,
  refuse: (reason: unknown) => Promise<never>,
): Promise<Blob> {
  let tailAt = Math.max(0, size - TAIL_BYTES);
  let tail = await bytesOf(base, tailAt, size);
  const footerAt = footerStart(tail, size);
  if (footerAt < tailAt) {
    const head = await bytesOf(base, footerAt, tailAt);
    const whole = new Uint8Array(size - footerAt);
    whole.set(head);
    whole.set(tail, head.length);
    tail = whole;
    tailAt = footerAt;
  }
  const chunks = [...readFooter(tail.subarray(footerAt - tailAt, tail.length - 8), footerAt).chunks].sort(
    (a, b) => a.start - b.start,
  );
  const read = async (s: number, e: number): Promise<ArrayBuffer> => {
    try {
      const bytes = s >= tailAt ? tail.slice(s - tailAt, e - tailAt) : await bytesOf(base, s, e);
      for (const c of chunksFrom(chunks, s)) {
        if (c.start >= e) break;
        checkPages(c, bytes.subarray(c.start - s), c.start);
      }
      return bytes.buffer as ArrayBuffer;
    } catch (error) {
      return refuse(error);
    }
  };
  return rangedBlob(size, read);
}

/**
 * A Blob of `size` bytes whose slices read through `read(start, end)`: the two methods parquet-wasm calls (`size`,
 * `slice(…).arrayBuffer()`), with Blob's rules for negative and out-of-range bounds.
 */
export function rangedBlob(size: number, read: (start: number, end: number) => Promise<ArrayBuffer>): Blob {
  const at = (x: number | undefined, dflt: number) =>
    x === undefined ? dflt : x < 0 ? Math.max(0, size + x) : Math.min(x, size);
  return {
    size,
    slice(start?: number, end?: number) {
      const s = at(start, 0);
      const e = Math.max(s, at(end, size));
      return { size: e - s, arrayBuffer: () => read(s, e) };
    },
  } as unknown as Blob;
}

/** The chunks (sorted by start) that start at or after `offset`. */
function* chunksFrom(chunks: readonly ChunkRange[], offset: number): Generator<ChunkRange> {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((chunks[mid] as ChunkRange).start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < chunks.length; i++) yield chunks[i] as ChunkRange;
}
