// A writer specialised for the Literal family, the counterpart of fast-reader.ts. Fields go out in number order
// (as protobuf-es and Python write them); with `deterministic`, map keys in Python's order (compareMapKeys). Messages outside
// the family (LiteralTypes in unions, blobs, datasets…) are encoded by protobuf-es and copied in.

import { type DescMessage, type Message, toBinary } from "@bufbuild/protobuf";
import { ByteBuffer } from "./byte-buffer.js";
import {
  type Literal,
  type LiteralMap,
  LiteralOffloadedMetadataSchema,
  LiteralTypeSchema,
  type Primitive,
  type Scalar,
  ScalarSchema,
} from "./descriptors.js";
import { compareMapKeys, toBinaryDeterministic } from "./deterministic.js";

const utf8 = new TextEncoder();

class Writer extends ByteBuffer {
  /** Bytes of messages protobuf-es encoded, by identity: a union's stored type is shared by every element. */
  readonly foreign = new Map<object, Uint8Array>();
  constructor(readonly deterministic: boolean) {
    super(1 << 16);
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }

  varint(v: number): void {
    this.reserve(5);
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
  }

  int64(v: bigint): void {
    this.reserve(10);
    if (v >= 0n && v < 0x80000000n) {
      this.varint(Number(v));
      return;
    }
    let u = BigInt.asUintN(64, v);
    while (u > 0x7fn) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  double(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  bytes(b: Uint8Array): void {
    this.varint(b.byteLength);
    this.reserve(b.byteLength);
    this.buf.set(b, this.pos);
    this.pos += b.byteLength;
  }

  string(s: string): void {
    // ASCII is the common case; one byte per char, no encoder call.
    let ascii = s.length < 128;
    for (let i = 0; ascii && i < s.length; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
    if (!ascii) {
      this.bytes(utf8.encode(s));
      return;
    }
    this.byte(s.length);
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  /** Starts a length-delimited field: one byte is reserved for its length, widened by `end` if need be. */
  begin(tag: number): number {
    this.reserve(2);
    this.buf[this.pos++] = tag;
    this.buf[this.pos++] = 0;
    return this.pos - 1;
  }

  /** Ends the field `begin` started at `lenAt`. */
  end(lenAt: number): void {
    const len = this.pos - lenAt - 1;
    if (len < 0x80) {
      this.buf[lenAt] = len;
      return;
    }
    let width = 1;
    for (let v = len; v > 0x7f; v >>>= 7) width++;
    this.reserve(width - 1);
    this.buf.copyWithin(lenAt + width, lenAt + 1, this.pos);
    this.pos += width - 1;
    let v = len;
    let at = lenAt;
    while (v > 0x7f) {
      this.buf[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[at] = v;
  }

  foreignMessage(tag: number, schema: DescMessage, m: Message): void {
    let b = this.foreign.get(m);
    if (b === undefined) {
      b = this.deterministic ? toBinaryDeterministic(schema, m) : toBinary(schema, m);
      this.foreign.set(m, b);
    }
    this.byte(tag);
    this.bytes(b);
  }

  unknown(m: Message): void {
    for (const u of m.$unknown ?? []) {
      this.varint((u.no << 3) | u.wireType);
      this.reserve(u.data.byteLength);
      this.buf.set(u.data, this.pos);
      this.pos += u.data.byteLength;
    }
  }

  keys(record: object): string[] {
    const keys = Object.keys(record);
    if (this.deterministic) keys.sort(compareMapKeys);
    return keys;
  }
}

function seconds(w: Writer, tag: number, t: { seconds: bigint; nanos: number } & Message): void {
  const at = w.begin(tag);
  if (t.seconds !== 0n) {
    w.byte(0x08);
    w.int64(t.seconds);
  }
  if (t.nanos !== 0) {
    w.byte(0x10);
    w.int64(BigInt(t.nanos));
  }
  w.unknown(t);
  w.end(at);
}

function primitive(w: Writer, p: Primitive): void {
  const v = p.value;
  switch (v.case) {
    case "integer":
      w.byte(0x08);
      w.int64(v.value);
      break;
    case "floatValue":
      w.byte(0x11);
      w.double(v.value);
      break;
    case "stringValue":
      w.byte(0x1a);
      w.string(v.value);
      break;
    case "boolean":
      w.byte(0x20);
      w.byte(v.value ? 1 : 0);
      break;
    case "datetime":
      seconds(w, 0x2a, v.value);
      break;
    case "duration":
      seconds(w, 0x32, v.value);
      break;
    case undefined:
      break;
  }
  w.unknown(p);
}

function scalar(w: Writer, s: Scalar): void {
  const v = s.value;
  let at: number;
  switch (v.case) {
    case "primitive":
      at = w.begin(0x0a);
      primitive(w, v.value);
      w.end(at);
      break;
    case "noneType":
      at = w.begin(0x2a);
      w.unknown(v.value);
      w.end(at);
      break;
    case "binary":
      at = w.begin(0x1a);
      if (v.value.value.byteLength > 0) {
        w.byte(0x0a);
        w.bytes(v.value.value);
      }
      if (v.value.tag !== "") {
        w.byte(0x12);
        w.string(v.value.tag);
      }
      w.unknown(v.value);
      w.end(at);
      break;
    case "union": {
      const u = v.value;
      at = w.begin(0x4a);
      if (u.value !== undefined) {
        const inner = w.begin(0x0a);
        literal(w, u.value);
        w.end(inner);
      }
      if (u.type !== undefined) w.foreignMessage(0x12, LiteralTypeSchema, u.type);
      w.unknown(u);
      w.end(at);
      break;
    }
    case undefined:
      break;
    default: {
      // Blobs, schemas, errors, generic structs, datasets: protobuf-es writes the whole Scalar, unknown fields too.
      const b = w.deterministic ? toBinaryDeterministic(ScalarSchema, s) : toBinary(ScalarSchema, s);
      w.reserve(b.byteLength);
      w.buf.set(b, w.pos);
      w.pos += b.byteLength;
      return;
    }
  }
  w.unknown(s);
}

function literalMapBody(w: Writer, m: LiteralMap): void {
  const literals = m.literals;
  for (const key of w.keys(literals)) {
    const entry = w.begin(0x0a);
    w.byte(0x0a);
    w.string(key);
    const value = w.begin(0x12);
    literal(w, literals[key] as Literal);
    w.end(value);
    w.end(entry);
  }
  w.unknown(m);
}

function literal(w: Writer, l: Literal): void {
  const v = l.value;
  if (v.case === "scalar") {
    const at = w.begin(0x0a);
    scalar(w, v.value);
    w.end(at);
  } else if (v.case === "collection") {
    const at = w.begin(0x12);
    for (const x of v.value.literals) {
      const item = w.begin(0x0a);
      literal(w, x);
      w.end(item);
    }
    w.unknown(v.value);
    w.end(at);
  } else if (v.case === "map") {
    const at = w.begin(0x1a);
    literalMapBody(w, v.value);
    w.end(at);
  }
  if (l.hash !== "") {
    w.byte(0x22);
    w.string(l.hash);
  }
  const meta = l.metadata;
  for (const key of w.keys(meta)) {
    const at = w.begin(0x2a);
    w.byte(0x0a);
    w.string(key);
    w.byte(0x12);
    w.string(meta[key] as string);
    w.end(at);
  }
  if (v.case === "offloadedMetadata") w.foreignMessage(0x42, LiteralOffloadedMetadataSchema, v.value);
  w.unknown(l);
}

function finish(w: Writer): Uint8Array {
  return w.buf.slice(0, w.pos);
}

export function writeLiteral(l: Literal, deterministic: boolean): Uint8Array {
  const w = new Writer(deterministic);
  literal(w, l);
  return finish(w);
}

export function writeLiteralMap(m: LiteralMap, deterministic: boolean): Uint8Array {
  const w = new Writer(deterministic);
  literalMapBody(w, m);
  return finish(w);
}
