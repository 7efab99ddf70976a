// What a Parquet file claims about sizes, checked against the file before parquet-wasm is handed its bytes.
// parquet-wasm allocates whatever a page header claims before it decompresses the page (a 14 KB file whose first
// page claims 2 GiB took a worker to 2.3 GB), and it crashes rather than fails on much that is malformed. Here
// every length, count and offset in the footer must fit in the footer, every column chunk in the file, every page
// in its chunk, and every page's uncompressed size must be one its codec could have made of its compressed bytes.
import { msg } from "../../errors/messages.js";

/** A file that claims more than it can hold; its message says what and where (the caller names the file). */
export class ParquetBoundsError extends Error {
  override readonly name = "ParquetBoundsError";
  /** The bytes ended before what was being read did (as against claiming too much). */
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
  }
}

const fail = (reason: string, truncated = false): never => {
  throw new ParquetBoundsError(reason, truncated);
};

/** Bytes at the end of a file fetched at once: the footer of nearly every file, with its length and magic. */
export const TAIL_BYTES = 64 << 10;

/** No page may claim more than this uncompressed, whatever its codec (pyarrow and parquet-wasm write 1 MiB pages). */
export const MAX_PAGE_BYTES = 256 << 20;
/**
 * A page may always claim this much, whatever its compressed size: slack for writers' quirks, kept small because
 * parquet-wasm holds a page of every column it reads at once (1,000 columns × this is about 64 MB).
 */
const PAGE_FLOOR_BYTES = 64 << 10;

/**
 * The most each codec (by its number in the Thrift footer) can expand its input: snappy's longest copy is 64 bytes
 * from a 3-byte tag (21×), LZ4's about 255 bytes per byte, deflate's 258 bytes from about 2 bits (1032×), zstd's
 * RLE block 128 KiB from 4 bytes (32768×); brotli has no useful bound, so MAX_PAGE_BYTES alone holds it.
 * Uncompressed pages are their own size.
 */
const MAX_RATIO: Readonly<Record<number, number>> = {
  0: 1, // UNCOMPRESSED
  1: 24, // SNAPPY
  2: 1040, // GZIP
  3: 260, // LZO
  4: Number.POSITIVE_INFINITY, // BROTLI
  5: 260, // LZ4 (Hadoop framing)
  6: 32_768, // ZSTD
  7: 260, // LZ4_RAW
};

const CODEC_NAMES = ["uncompressed", "snappy", "gzip", "lzo", "brotli", "lz4", "zstd", "lz4_raw"];
const codecName = (codec: number) => CODEC_NAMES[codec] ?? `codec ${codec}`;

/** The most a page compressed with `codec` into `compressed` bytes may claim uncompressed. */
export function maxUncompressed(codec: number, compressed: number): number {
  const ratio = MAX_RATIO[codec] ?? 1;
  return Math.min(MAX_PAGE_BYTES, Math.max(PAGE_FLOOR_BYTES, compressed * ratio));
}

// Thrift compact protocol types.
const T = { stop: 0, true: 1, false: 2, byte: 3, i16: 4, i32: 5, i64: 6, double: 7, binary: 8, list: 9, set: 10 };
const T_MAP = 11;
const T_STRUCT = 12;
/** Nesting deeper than any Parquet structure (schemas are flat lists): deeper bytes are hostile. */
const MAX_DEPTH = 32;

/** A reader of Thrift compact bytes in [pos, end) that refuses any length or count the bytes left cannot hold. */
class Compact {
  private depth = 0;
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
    private readonly end: number,
    private readonly what: string,
  ) {}

  get left(): number {
    return this.end - this.pos;
  }

  byte(): number {
    if (this.pos >= this.end) fail(msg.parquetTruncated(this.what), true);
    return this.b[this.pos++] as number;
  }

  /** An unsigned varint as a number: exact to 2^53, and beyond that larger than anything it is compared with. */
  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const x = this.byte();
      n += (x & 0x7f) * scale;
      if (x < 0x80) return n;
      scale *= 128;
    }
    return fail(msg.parquetMalformed(this.what, "a varint longer than 10 bytes"));
  }

  /** A zigzag-encoded integer (i16, i32, i64). */
  int(type: number): number {
    if (type === T.byte) {
      const x = this.byte();
      return x > 127 ? x - 256 : x;
    }
    if (type !== T.i16 && type !== T.i32 && type !== T.i64) fail(msg.parquetMalformed(this.what, "a wrong field type"));
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  /** A count of items each at least one byte long, checked against the bytes left. */
  private count(n: number, what: string): number {
    if (n > this.left) fail(msg.parquetOverrun(this.what, what, n, this.left));
    return n;
  }

  binary(): number {
    const n = this.count(this.varint(), "a string of bytes");
    this.pos += n;
    return n;
  }

  list(): { readonly size: number; readonly type: number } {
    const h = this.byte();
    const size = h >> 4 === 15 ? this.varint() : h >> 4;
    return { size: this.count(size, "a list"), type: h & 0x0f };
  }

  /** Reads a struct's fields; `on` reads the value of a field it knows and returns true, else it is skipped. */
  struct(on: (id: number, type: number) => boolean = () => false): void {
    if (++this.depth > MAX_DEPTH) fail(msg.parquetMalformed(this.what, "structures nested too deep"));
    let id = 0;
    for (;;) {
      const h = this.byte();
      if (h === T.stop) break;
      const type = h & 0x0f;
      id = h >> 4 === 0 ? this.int(T.i16) : id + (h >> 4);
      if (!on(id, type)) this.skip(type, false);
    }
    this.depth--;
  }

  skip(type: number, inList: boolean): void {
    switch (type) {
      case T.true:
      case T.false:
        if (inList) this.byte();
        return;
      case T.byte:
        this.byte();
        return;
      case T.i16:
      case T.i32:
      case T.i64:
        this.varint();
        return;
      case T.double:
        if (this.left < 8) fail(msg.parquetTruncated(this.what), true);
        this.pos += 8;
        return;
      case T.binary:
        this.binary();
        return;
      case T.list:
      case T.set: {
        const { size, type: element } = this.list();
        this.nested(() => {
          for (let i = 0; i < size; i++) this.skip(element, true);
        });
        return;
      }
      case T_MAP: {
        const size = this.count(this.varint(), "a map");
        if (size === 0) return;
        const kv = this.byte();
        this.nested(() => {
          for (let i = 0; i < size; i++) {
            this.skip(kv >> 4, true);
            this.skip(kv & 0x0f, true);
          }
        });
        return;
      }
      case T_STRUCT:
        this.struct();
        return;
      default:
        fail(msg.parquetMalformed(this.what, `an unknown Thrift type ${type}`));
    }
  }

  private nested(f: () => void): void {
    if (++this.depth > MAX_DEPTH) fail(msg.parquetMalformed(this.what, "structures nested too deep"));
    f();
    this.depth--;
  }
}

/** One column chunk: the bytes parquet-wasm fetches for it, and how its pages are compressed. */
export interface ChunkRange {
  readonly start: number;
  readonly end: number;
  readonly codec: number;
}

/** The footer of a file: where it starts and the column chunks of each row group. */
export interface FooterInfo {
  /** Offset of the footer's first byte (the Thrift FileMetaData). */
  readonly start: number;
  readonly chunks: readonly ChunkRange[];
}

/**
 * Where the footer of a file of `size` bytes lies, from the file's last 8 bytes (its length and the magic).
 * `tail` holds the file's last `tail.length` bytes.
 */
export function footerStart(tail: Uint8Array, size: number): number {
  if (size < 12 || tail.length < 8) fail(msg.parquetTruncated("the file"));
  const magic = String.fromCharCode(...tail.subarray(tail.length - 4));
  if (magic !== "PAR1") fail(msg.parquetMalformed("the file", `it ends in ${JSON.stringify(magic)}, not "PAR1"`));
  const length = new DataView(tail.buffer, tail.byteOffset + tail.length - 8, 4).getUint32(0, true);
  if (length > size - 12) fail(msg.parquetOverrun("the file", "its footer", length, size - 12));
  return size - 8 - length;
}

/**
 * The footer's column chunks, from `footer` (the footer's bytes, which start at byte `start` of the file). Every
 * structure must fit in the footer, and every chunk must lie inside the file between the magic and the footer.
 */
export function readFooter(footer: Uint8Array, start: number): FooterInfo {
  const r = new Compact(footer, 0, footer.length, "the footer");
  const chunks: ChunkRange[] = [];
  r.struct((id, type) => {
    if (id !== 4 || type !== T.list) return false;
    const groups = r.list();
    for (let g = 0; g < groups.size; g++) {
      r.struct((gid, gtype) => {
        if (gid !== 1 || gtype !== T.list) return false;
        const columns = r.list();
        for (let c = 0; c < columns.size; c++) {
          r.struct((cid, ctype) => {
            if (cid !== 3 || ctype !== T_STRUCT) return false;
            chunks.push(columnChunk(r, start));
            return true;
          });
        }
        return true;
      });
    }
    return true;
  });
  return { start, chunks };
}

/** A ColumnMetaData's byte range, as parquet-wasm computes it: from the dictionary page if any, else the data page. */
function columnChunk(r: Compact, footerAt: number): ChunkRange {
  let codec = 0;
  let length = -1;
  let dataPage = -1;
  let dictionaryPage: number | undefined;
  r.struct((id, type) => {
    if (id === 4) codec = r.int(type);
    else if (id === 7) length = r.int(type);
    else if (id === 9) dataPage = r.int(type);
    else if (id === 11) dictionaryPage = r.int(type);
    else return false;
    return true;
  });
  const start = dictionaryPage ?? dataPage;
  const end = start + length;
  if (!(start >= 4 && length >= 0 && end <= footerAt)) {
    fail(msg.parquetOutOfFile(`a column chunk`, start, end, 4, footerAt));
  }
  return { start, end, codec };
}

/**
 * Checks the page headers of `chunk` whose bytes, from file offset `at`, are in `bytes` (all of the chunk, or the
 * first part of it, when parquet-wasm fetches less): each page must fit in the chunk and claim an uncompressed size
 * its codec could produce from its compressed bytes. Headers past the end of a first part are left unchecked.
 */
export function checkPages(chunk: ChunkRange, bytes: Uint8Array, at: number): void {
  let offset = chunk.start;
  const stop = Math.min(chunk.end, at + bytes.length);
  while (offset < stop) {
    const where = `the page header at byte ${offset}`;
    let header: PageHeader;
    try {
      header = pageHeader(new Compact(bytes, offset - at, stop - at, where));
    } catch (e) {
      if (stop < chunk.end && e instanceof ParquetBoundsError && e.truncated) return;
      throw e;
    }
    const { type, uncompressed, compressed, v2Compressed } = header;
    const body = at + header.end;
    if (type < 0 || uncompressed < 0 || compressed < 0) fail(msg.parquetMalformed(where, "a missing or negative size"));
    if (body + compressed > chunk.end) {
      fail(msg.parquetOutOfFile(`the page at byte ${offset}`, body, body + compressed, chunk.start, chunk.end));
    }
    const codec = type === DATA_PAGE_V2 && !v2Compressed ? 0 : chunk.codec;
    const limit = maxUncompressed(codec, compressed);
    if (uncompressed > limit) fail(msg.parquetPageTooLarge(offset, uncompressed, compressed, codecName(codec), limit));
    offset = body + compressed;
  }
}

const DATA_PAGE_V2 = 3;

interface PageHeader {
  readonly type: number;
  readonly uncompressed: number;
  readonly compressed: number;
  /** DataPageHeaderV2.is_compressed: a v2 page may be stored uncompressed in a compressed chunk. */
  readonly v2Compressed: boolean;
  /** Where the page's data starts, relative to the bytes read. */
  readonly end: number;
}

function pageHeader(r: Compact): PageHeader {
  let type = -1;
  let uncompressed = -1;
  let compressed = -1;
  let v2Compressed = true;
  r.struct((id, t) => {
    if (id === 1) type = r.int(t);
    else if (id === 2) uncompressed = r.int(t);
    else if (id === 3) compressed = r.int(t);
    else if (id === 8 && t === T_STRUCT) {
      r.struct((vid, vt) => {
        if (vid !== 7 || (vt !== T.true && vt !== T.false)) return false;
        v2Compressed = vt === T.true;
        return true;
      });
    } else return false;
    return true;
  });
  return { type, uncompressed, compressed, v2Compressed, end: r.pos };
}
