// A msgpack writer the codecs write records into directly, with no intermediate tree. We write msgpack ourselves
// (and read it with @msgpack/msgpack) because Python's encoders fix the *form* per field: a FLOAT field is always
// float64 even when integral, an INTEGER field uses the smallest int form. A generic encoder only sees a JS number.
// Writing is all in one growing buffer; `mark()`/`reset()` let a union try a variant and take it back.

import { ByteBuffer } from "../literal/byte-buffer.js";

const textEncoder = new TextEncoder();

export class MsgpackWriter extends ByteBuffer {
  /** How the enclosing record writes datetimes and durations: as pydantic does, or as mashumaro (dataclasses). */
  style: "pydantic" | "dataclass" = "pydantic";
  /** Nesting depth of the values being written, so cyclic or absurdly deep input is refused, not overflowed. */
  depth = 0;

  constructor() {
    super(256);
  }

  mark(): number {
    return this.pos;
  }

  reset(mark: number): void {
    this.pos = mark;
  }

  /** A copy of what was written since `mark`. */
  since(mark: number): Uint8Array {
    return this.buf.slice(mark, this.pos);
  }

  /** Appends bytes another writer produced (a union's chosen variant). */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** The bytes written, copied out; the writer may be reused afterwards. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    this.depth = 0;
    return out;
  }

  nil(): void {
    this.reserve(1);
    this.buf[this.pos++] = 0xc0;
  }

  bool(v: boolean): void {
    this.reserve(1);
    this.buf[this.pos++] = v ? 0xc3 : 0xc2;
  }

  /** An integer in the smallest form, as Python's msgpack writes ints. `v` must be a safe integer. */
  int(v: number): void {
    this.reserve(9);
    const b = this.buf;
    if (v >= 0) {
      if (v < 0x80) b[this.pos++] = v;
      else if (v < 0x100) {
        b[this.pos++] = 0xcc;
        b[this.pos++] = v;
      } else if (v < 0x10000) {
        b[this.pos++] = 0xcd;
        this.view.setUint16(this.pos, v);
        this.pos += 2;
      } else if (v < 0x100000000) {
        b[this.pos++] = 0xce;
        this.view.setUint32(this.pos, v);
        this.pos += 4;
      } else {
        b[this.pos++] = 0xcf;
        this.view.setBigUint64(this.pos, BigInt(v));
        this.pos += 8;
      }
    } else if (v >= -0x20) b[this.pos++] = v & 0xff;
    else if (v >= -0x80) {
      b[this.pos++] = 0xd0;
      this.view.setInt8(this.pos++, v);
    } else if (v >= -0x8000) {
      b[this.pos++] = 0xd1;
      this.view.setInt16(this.pos, v);
      this.pos += 2;
    } else if (v >= -0x80000000) {
      b[this.pos++] = 0xd2;
      this.view.setInt32(this.pos, v);
      this.pos += 4;
    } else {
      b[this.pos++] = 0xd3;
      this.view.setBigInt64(this.pos, BigInt(v));
      this.pos += 8;
    }
  }

  /** An integer beyond the safe range: uint64 for the top half of its range, int64 otherwise. */
  bigint(v: bigint): void {
    if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) {
      this.int(Number(v));
      return;
    }
    this.reserve(9);
    if (v > 0n) {
      this.buf[this.pos++] = 0xcf;
      this.view.setBigUint64(this.pos, v);
    } else {
      this.buf[this.pos++] = 0xd3;
      this.view.setBigInt64(this.pos, v);
    }
    this.pos += 8;
  }

  float64(v: number): void {
    this.reserve(9);
    this.buf[this.pos++] = 0xcb;
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }

  str(v: string): void {
    const n = v.length;
    // Short ASCII strings (field names, most values) are copied by hand: cheaper than the encoder call.
    if (n < 32) {
      this.reserve(1 + n * 3);
      const start = this.pos;
      const b = this.buf;
      let i = 0;
      for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c >= 0x80) break;
        b[start + 1 + i] = c;
      }
      if (i === n) {
        b[start] = 0xa0 | n;
        this.pos = start + 1 + n;
        return;
      }
    }
    // Reserve the widest header, encode in place, then move the body if a smaller header fits.
    this.reserve(5 + n * 3);
    const bodyAt = this.pos + 5;
    const { written } = textEncoder.encodeInto(v, this.buf.subarray(bodyAt));
    const header = written < 32 ? 1 : written < 0x100 ? 2 : written < 0x10000 ? 3 : 5;
    const start = this.pos;
    if (header !== 5) this.buf.copyWithin(start + header, bodyAt, bodyAt + written);
    if (header === 1) this.buf[start] = 0xa0 | written;
    else if (header === 2) {
      this.buf[start] = 0xd9;
      this.buf[start + 1] = written;
    } else if (header === 3) {
      this.buf[start] = 0xda;
      this.view.setUint16(start + 1, written);
    } else {
      this.buf[start] = 0xdb;
      this.view.setUint32(start + 1, written);
    }
    this.pos = start + header + written;
  }

  bin(v: Uint8Array): void {
    const n = v.byteLength;
    this.reserve(5 + n);
    if (n < 0x100) {
      this.buf[this.pos++] = 0xc4;
      this.buf[this.pos++] = n;
    } else if (n < 0x10000) {
      this.buf[this.pos++] = 0xc5;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = 0xc6;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
    this.buf.set(v, this.pos);
    this.pos += n;
  }

  arrayHeader(n: number): void {
    this.header(n, 0x90, 0xdc);
  }

  mapHeader(n: number): void {
    this.header(n, 0x80, 0xde);
  }

  private header(n: number, fix: number, wide16: number): void {
    this.reserve(5);
    if (n < 16) this.buf[this.pos++] = fix | n;
    else if (n < 0x10000) {
      this.buf[this.pos++] = wide16;
      this.view.setUint16(this.pos, n);
      this.pos += 2;
    } else {
      this.buf[this.pos++] = wide16 + 1;
      this.view.setUint32(this.pos, n);
      this.pos += 4;
    }
  }
}

let idle: MsgpackWriter | undefined = new MsgpackWriter();

/**
 * Runs `write` with a writer and returns the bytes it wrote (or INVALID). One writer is reused across calls, so
 * 100k records do not allocate 100k buffers; a nested call (user code converting inside a conversion) gets its own.
 */
export function writeMsgpack<I>(write: (w: MsgpackWriter) => I | undefined): Uint8Array | I {
  const w = idle ?? new MsgpackWriter();
  idle = undefined;
  try {
    const r = write(w);
    if (r !== undefined) {
      w.take();
      return r;
    }
    return w.take();
  } finally {
    w.style = "pydantic";
    idle = w;
  }
}
