// Deterministic protobuf encoding: fields in number order and map entries sorted by key, the way Python's
// `SerializeToString(deterministic=True)` writes them, so our bytes can be compared with flytekit's.
// protobuf-es writes map entries in JS object key order, where integer-like keys ("2", "10") always come first in
// numeric order; only a writer of our own can put "10" before "2" as Python does.
import type { DescField, DescMessage, Message } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import { type ReflectMessage, reflect } from "@bufbuild/protobuf/reflect";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

export function toBinaryDeterministic(schema: DescMessage, message: Message): Uint8Array {
  const writer = new BinaryWriter();
  writeMessage(writer, reflect(schema, message));
  return writer.finish();
}

function writeMessage(w: BinaryWriter, msg: ReflectMessage): void {
  for (const field of msg.sortedFields) {
    if (!msg.isSet(field)) continue;
    writeField(w, field, msg.get(field));
  }
  for (const u of msg.getUnknown() ?? []) w.tag(u.no, u.wireType).raw(u.data);
}

function writeField(w: BinaryWriter, field: DescField, value: unknown): void {
  switch (field.fieldKind) {
    case "scalar":
      writeScalar(w, field.number, field.scalar, value);
      return;
    case "enum":
      writeScalar(w, field.number, ScalarType.INT32, value);
      return;
    case "message":
      writeSub(w, field.number, value as ReflectMessage);
      return;
    case "list": {
      const items = [...(value as Iterable<unknown>)];
      if (field.listKind === "message") {
        for (const item of items) writeSub(w, field.number, item as ReflectMessage);
        return;
      }
      const scalar = field.listKind === "enum" ? ScalarType.INT32 : field.scalar;
      if (field.packed) {
        w.tag(field.number, WireType.LengthDelimited).fork();
        for (const item of items) writeScalarValue(w, scalar, item);
        w.join();
        return;
      }
      for (const item of items) writeScalar(w, field.number, scalar, item);
      return;
    }
    case "map": {
      const entries = [...(value as ReadonlyMap<unknown, unknown>).entries()];
      entries.sort((a, b) => compareKeys(a[0], b[0]));
      for (const [key, val] of entries) {
        w.tag(field.number, WireType.LengthDelimited).fork();
        writeScalar(w, 1, field.mapKey, key);
        if (field.mapKind === "message") writeSub(w, 2, val as ReflectMessage);
        else writeScalar(w, 2, field.mapKind === "enum" ? ScalarType.INT32 : field.scalar, val);
        w.join();
      }
      return;
    }
  }
}

function writeSub(w: BinaryWriter, no: number, msg: ReflectMessage): void {
  w.tag(no, WireType.LengthDelimited).fork();
  writeMessage(w, msg);
  w.join();
}

const utf8 = new TextEncoder();

/**
 * The order Python's protobuf runtime (upb, protobuf ≥ 4.21 from PyPI) writes string map keys in: by UTF-8 bytes
 * over the common prefix, and a key before its own prefixes ("aa" before "a", "" last). upb sorts with a negated
 * memcmp and ascending length, then emits the entries in reverse (its encoder writes backwards).
 */
export function compareMapKeys(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return y.length - x.length;
}

/** String keys as upb orders them; integers numerically, false before true. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return compareMapKeys(a, b);
  if (typeof a === "bigint" || typeof b === "bigint") {
    const x = BigInt(a as bigint);
    const y = BigInt(b as bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function writeScalar(w: BinaryWriter, no: number, type: ScalarType, value: unknown): void {
  w.tag(no, wireTypeOf(type));
  writeScalarValue(w, type, value);
}

function wireTypeOf(type: ScalarType): WireType {
  switch (type) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return WireType.Bit32;
    default:
      return WireType.Varint;
  }
}

function writeScalarValue(w: BinaryWriter, type: ScalarType, v: unknown): void {
  switch (type) {
    case ScalarType.STRING:
      w.string(v as string);
      return;
    case ScalarType.BYTES:
      w.bytes(v as Uint8Array);
      return;
    case ScalarType.BOOL:
      w.bool(v as boolean);
      return;
    case ScalarType.DOUBLE:
      w.double(v as number);
      return;
    case ScalarType.FLOAT:
      w.float(v as number);
      return;
    case ScalarType.INT32:
      w.int32(v as number);
      return;
    case ScalarType.UINT32:
      w.uint32(v as number);
      return;
    case ScalarType.SINT32:
      w.sint32(v as number);
      return;
    case ScalarType.FIXED32:
      w.fixed32(v as number);
      return;
    case ScalarType.SFIXED32:
      w.sfixed32(v as number);
      return;
    case ScalarType.INT64:
      w.int64(v as bigint);
      return;
    case ScalarType.UINT64:
      w.uint64(v as bigint);
      return;
    case ScalarType.SINT64:
      w.sint64(v as bigint);
      return;
    case ScalarType.FIXED64:
      w.fixed64(v as bigint);
      return;
    case ScalarType.SFIXED64:
      w.sfixed64(v as bigint);
      return;
  }
}
