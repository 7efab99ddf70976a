// A reader specialised for the Literal family (Literal, Scalar, Primitive, LiteralCollection, LiteralMap, Union,
// Binary, Void, Timestamp, Duration): what every task boundary decodes, by the million. It builds the same plain
// messages protobuf-es builds. Anything it does not fully handle — unknown fields, a field seen twice, another
// wire type, other Scalar cases — is read by protobuf-es's fromBinary for that message, so results stay equal.
import { type DescMessage, fromBinary, type MessageShape } from "@bufbuild/protobuf";
import { type Duration, DurationSchema, type Timestamp, TimestampSchema } from "@bufbuild/protobuf/wkt";
import {
  type Binary,
  type Literal,
  type LiteralCollection,
  LiteralCollectionSchema,
  type LiteralMap,
  LiteralMapSchema,
  LiteralSchema,
  LiteralTypeSchema,
  type Primitive,
  PrimitiveSchema,
  type Scalar,
  ScalarSchema,
  type Union,
  UnionSchema,
} from "./descriptors.js";

/** Thrown inside the reader when a message needs protobuf-es; caught at that message's boundary. */
const FALLBACK = Symbol("fallback");
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

class Reader {
  pos = 0;
  /** End of the message being read; nested reads narrow it and restore it. */
  end: number;
  constructor(
    readonly buf: Uint8Array,
    readonly view: DataView,
  ) {
    this.end = buf.byteLength;
  }

  varint32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= this.end) throw FALLBACK;
      const b = this.buf[this.pos++] as number;
      result |= (b & 0x7f) << shift;
      if (b < 0x80) return result >>> 0;
    }
    // A longer varint (a negative int32 written as 10 bytes): protobuf-es knows its rules.
    throw FALLBACK;
  }

  int64(): bigint {
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw FALLBACK;
      const b = this.buf[this.pos++] as number;
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else if (shift === 28) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (shift - 32);
      shift += 7;
      if (b < 0x80) {
        if (hi === 0 && lo >= 0) return BigInt(lo);
        return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
      }
    }
    throw FALLBACK;
  }

  /** The end offset of a length-delimited field whose length is next. */
  sub(): number {
    const len = this.varint32();
    const end = this.pos + len;
    if (end > this.end) throw FALLBACK;
    return end;
  }

  string(): string {
    const end = this.sub();
    const start = this.pos;
    this.pos = end;
    const buf = this.buf;
    if (end - start <= 32) {
      let s = "";
      for (let i = start; i < end; i++) {
        const c = buf[i] as number;
        if (c > 0x7f) return utf8.decode(buf.subarray(start, end));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return utf8.decode(buf.subarray(start, end));
  }

  double(): number {
    if (this.pos + 8 > this.end) throw FALLBACK;
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

/** Reads one message from here to `end` with `fast`, or with protobuf-es if `fast` bails out. */
function guarded<D extends DescMessage>(
  r: Reader,
  end: number,
  schema: D,
  fast: (r: Reader) => MessageShape<D>,
): MessageShape<D> {
  const start = r.pos;
  const outer = r.end;
  r.end = end;
  let out: MessageShape<D>;
  try {
    out = fast(r);
    if (r.pos !== end) throw FALLBACK;
  } catch (e) {
    if (e !== FALLBACK) throw e;
    out = fromBinary(schema, r.buf.subarray(start, end));
  } finally {
    r.end = outer;
  }
  r.pos = end;
  return out;
}

const sub = <D extends DescMessage>(r: Reader, schema: D, fast: (r: Reader) => MessageShape<D>) =>
  guarded(r, r.sub(), schema, fast);
const slow = <D extends DescMessage>(r: Reader, schema: D) => {
  const end = r.sub();
  const out = fromBinary(schema, r.buf.subarray(r.pos, end));
  r.pos = end;
  return out;
};

function seconds<T extends Timestamp | Duration>(r: Reader, typeName: T["$typeName"]): T {
  let seconds = 0n;
  let nanos = 0;
  let seen = 0;
  while (r.pos < r.end) {
    const tag = r.varint32();
    if (tag === 0x08 && !(seen & 1)) seconds = r.int64();
    else if (tag === 0x10 && !(seen & 2)) nanos = Number(BigInt.asIntN(32, r.int64()));
    else throw FALLBACK;
    seen |= tag === 0x08 ? 1 : 2;
  }
  return { $typeName: typeName, seconds, nanos } as T;
}

function primitive(r: Reader): Primitive {
  const tag = r.varint32();
  let value: Primitive["value"];
  switch (tag) {
    case 0x08:
      value = { case: "integer", value: r.int64() };
      break;
    case 0x11:
      value = { case: "floatValue", value: r.double() };
      break;
    case 0x1a:
      value = { case: "stringValue", value: r.string() };
      break;
    case 0x20:
      value = { case: "boolean", value: r.int64() !== 0n };
      break;
    case 0x2a:
      value = {
        case: "datetime",
        value: sub(r, TimestampSchema, (x) => seconds<Timestamp>(x, "google.protobuf.Timestamp")),
      };
      break;
    case 0x32:
      value = {
        case: "duration",
        value: sub(r, DurationSchema, (x) => seconds<Duration>(x, "google.protobuf.Duration")),
      };
      break;
    default:
      throw FALLBACK;
  }
  if (r.pos !== r.end) throw FALLBACK;
  return { $typeName: "flyteidl.core.Primitive", value };
}

function scalar(r: Reader): Scalar {
  const tag = r.varint32();
  let value: Scalar["value"];
  if (tag === 0x0a) value = { case: "primitive", value: sub(r, PrimitiveSchema, primitive) };
  else if (tag === 0x2a) {
    if (r.sub() !== r.pos) throw FALLBACK;
    value = { case: "noneType", value: { $typeName: "flyteidl.core.Void" } };
  } else if (tag === 0x1a) value = { case: "binary", value: binary(r) };
  else if (tag === 0x4a) value = { case: "union", value: sub(r, UnionSchema, union) };
  else throw FALLBACK; // blobs, datasets, generic structs, …: protobuf-es reads the Scalar
  if (r.pos !== r.end) throw FALLBACK;
  return { $typeName: "flyteidl.core.Scalar", value };
}

function binary(r: Reader): Binary {
  const end = r.sub();
  let value: Uint8Array = new Uint8Array(0);
  let tagText = "";
  let seen = 0;
  while (r.pos < end) {
    const tag = r.varint32();
    if (tag === 0x0a && !(seen & 1)) {
      const e = r.sub();
      value = r.buf.subarray(r.pos, e);
      r.pos = e;
      seen |= 1;
    } else if (tag === 0x12 && !(seen & 2)) {
      tagText = r.string();
      seen |= 2;
    } else throw FALLBACK;
  }
  return { $typeName: "flyteidl.core.Binary", value, tag: tagText };
}

function union(r: Reader): Union {
  const u: Union = { $typeName: "flyteidl.core.Union" };
  while (r.pos < r.end) {
    const tag = r.varint32();
    if (tag === 0x0a && u.value === undefined) u.value = sub(r, LiteralSchema, literal);
    else if (tag === 0x12 && u.type === undefined) u.type = slow(r, LiteralTypeSchema);
    else throw FALLBACK;
  }
  return u;
}

function collection(r: Reader): LiteralCollection {
  const literals: Literal[] = [];
  while (r.pos < r.end) {
    if (r.varint32() !== 0x0a) throw FALLBACK;
    literals.push(sub(r, LiteralSchema, literal));
  }
  return { $typeName: "flyteidl.core.LiteralCollection", literals };
}

function literalMap(r: Reader): LiteralMap {
  const literals: { [k: string]: Literal } = {};
  while (r.pos < r.end) {
    if (r.varint32() !== 0x0a) throw FALLBACK;
    const end = r.sub();
    let key = "";
    let value: Literal | undefined;
    while (r.pos < end) {
      const tag = r.varint32();
      if (tag === 0x0a) key = r.string();
      else if (tag === 0x12) value = sub(r, LiteralSchema, literal);
      else throw FALLBACK;
    }
    if (value === undefined || key === "__proto__" || Object.hasOwn(literals, key)) throw FALLBACK;
    literals[key] = value;
  }
  return { $typeName: "flyteidl.core.LiteralMap", literals };
}

function literal(r: Reader): Literal {
  let value: Literal["value"] | undefined;
  let hash = "";
  while (r.pos < r.end) {
    const tag = r.varint32();
    if (value !== undefined && (tag === 0x0a || tag === 0x12 || tag === 0x1a)) throw FALLBACK;
    if (tag === 0x0a) value = { case: "scalar", value: sub(r, ScalarSchema, scalar) };
    else if (tag === 0x12) value = { case: "collection", value: sub(r, LiteralCollectionSchema, collection) };
    else if (tag === 0x1a) value = { case: "map", value: sub(r, LiteralMapSchema, literalMap) };
    else if (tag === 0x22) hash = r.string();
    else throw FALLBACK; // metadata, offloaded_metadata, unknown fields: rare, protobuf-es reads them
  }
  return { $typeName: "flyteidl.core.Literal", value: value ?? { case: undefined }, hash, metadata: {} };
}

function top<D extends DescMessage>(
  bytes: Uint8Array,
  schema: D,
  fast: (r: Reader) => MessageShape<D>,
): MessageShape<D> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return guarded(new Reader(bytes, view), bytes.byteLength, schema, fast);
}

export const readLiteral = (bytes: Uint8Array): Literal => top(bytes, LiteralSchema, literal);
export const readLiteralMap = (bytes: Uint8Array): LiteralMap => top(bytes, LiteralMapSchema, literalMap);
