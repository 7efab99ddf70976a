// Which numbers of decoded msgpack were floats on the wire. A JS number cannot tell Python's `2` from `2.0`, yet a
// union of an integer and a float (or a timedelta, which mashumaro writes as float seconds) must: Python reads a
// msgpack int into the int variant and a msgpack float into the other. The bytes are walked a second time, beside
// the value decodeMsgpack built from them (so they are already checked), only for types that hold such a union.
import { fixedPayload } from "../msgpack/msgpack-reader.js";
import type { TypeDesc } from "./descriptor.js";

/** The msgpack form a number had: `int`, `float`, or unknown (not from tracked msgpack: a Struct, a JS value). */
export type NumberWire = "int" | "float" | undefined;

/** Containers (maps, arrays) of tracked msgpack → the keys (indices) of their slots that held a float. */
export type WireFloats = WeakMap<object, ReadonlySet<string | number>>;

const NONE: ReadonlySet<string | number> = new Set();
const text = new TextDecoder();

// The walk's state; it runs synchronously, once per tracked decode.
const EMPTY: Uint8Array = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);
let bytes = EMPTY;
let view = EMPTY_VIEW;
let pos = 0;
let table: WireFloats | undefined;

/** The length field of a variable-size head at `pos` (advancing past it), for the given width. */
function length(width: 1 | 2 | 4): number {
  const n = width === 1 ? (bytes[pos] as number) : width === 2 ? view.getUint16(pos) : view.getUint32(pos);
  pos += width;
  return n;
}

/** Skips or walks the value at `pos` whose decoded form is `v`; true when it is a float. */
function walk(v: unknown): boolean {
  const head = bytes[pos++] as number;
  if (head <= 0x7f || head >= 0xe0) return false;
  if (head <= 0x8f) return container(head & 0x0f, true, v);
  if (head <= 0x9f) return container(head & 0x0f, false, v);
  if (head <= 0xbf) {
    pos += head & 0x1f;
    return false;
  }
  switch (head) {
    case 0xca:
      pos += 4;
      return true;
    case 0xcb:
      pos += 8;
      return true;
    case 0xc4:
    case 0xd9:
      pos += length(1);
      return false;
    case 0xc5:
    case 0xda:
      pos += length(2);
      return false;
    case 0xc6:
    case 0xdb:
      pos += length(4);
      return false;
    case 0xc7:
      pos += length(1) + 1;
      return false;
    case 0xc8:
      pos += length(2) + 1;
      return false;
    case 0xc9:
      pos += length(4) + 1;
      return false;
    case 0xdc:
      return container(length(2), false, v);
    case 0xdd:
      return container(length(4), false, v);
    case 0xde:
      return container(length(2), true, v);
    case 0xdf:
      return container(length(4), true, v);
    default:
      pos += Math.max(0, fixedPayload(head));
      return false;
  }
}

/** A map key as decodeMsgpack names the property: strings as they are, numbers in decimal. */
function key(): string | undefined {
  const head = bytes[pos] as number;
  let len = -1;
  if (head >= 0xa0 && head <= 0xbf) {
    pos++;
    len = head & 0x1f;
  } else if (head === 0xd9) {
    pos++;
    len = length(1);
  } else if (head === 0xda) {
    pos++;
    len = length(2);
  } else if (head === 0xdb) {
    pos++;
    len = length(4);
  }
  if (len >= 0) {
    const s = text.decode(bytes.subarray(pos, pos + len));
    pos += len;
    return s;
  }
  const at = pos + 1;
  let n: number | bigint | undefined;
  if (head <= 0x7f) n = head;
  else if (head >= 0xe0) n = head - 0x100;
  else if (head === 0xcc) n = view.getUint8(at);
  else if (head === 0xcd) n = view.getUint16(at);
  else if (head === 0xce) n = view.getUint32(at);
  else if (head === 0xcf) n = view.getBigUint64(at);
  else if (head === 0xd0) n = view.getInt8(at);
  else if (head === 0xd1) n = view.getInt16(at);
  else if (head === 0xd2) n = view.getInt32(at);
  else if (head === 0xd3) n = view.getBigInt64(at);
  else if (head === 0xca) n = view.getFloat32(at);
  else if (head === 0xcb) n = view.getFloat64(at);
  walk(undefined);
  return n === undefined ? undefined : String(n);
}

function container(count: number, isMap: boolean, v: unknown): false {
  const target = typeof v === "object" && v !== null ? (v as Record<string | number, unknown>) : undefined;
  let floats: Set<string | number> | undefined;
  for (let i = 0; i < count; i++) {
    const k = isMap ? key() : i;
    const item = target !== undefined && k !== undefined && Object.hasOwn(target, k) ? target[k] : undefined;
    const isFloat = walk(item);
    if (target === undefined || k === undefined) continue;
    // A key met twice keeps its last value, as the decoded object does.
    if (isFloat && typeof item === "number") {
      floats ??= new Set();
      floats.add(k);
    } else floats?.delete(k);
  }
  if (target !== undefined) table?.set(target, floats ?? NONE);
  return false;
}

/** Records, for every map and array of `decoded` (the value decodeMsgpack made of `data`), which slots held a float. */
export function trackFloats(data: Uint8Array, decoded: unknown, into: WireFloats): void {
  bytes = data;
  view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  pos = 0;
  table = into;
  try {
    walk(decoded);
  } finally {
    bytes = EMPTY;
    view = EMPTY_VIEW;
    table = undefined;
  }
}

/** Whether the wire form decides between these union variants: an integer competes with a float or a duration. */
export function decidedByWire(variants: readonly TypeDesc[]): boolean {
  const kinds = new Set(variants.map((v) => v.kind));
  return kinds.has("int") && (kinds.has("float") || kinds.has("duration"));
}

const needs = new WeakMap<TypeDesc, boolean>();

/**
 * Whether reading `desc` from msgpack needs the wire form of its numbers: it holds a union of an integer and a
 * float or a duration.
 */
export function needsWireTypes(desc: TypeDesc): boolean {
  const known = needs.get(desc);
  if (known !== undefined) return known;
  let out: boolean;
  switch (desc.kind) {
    case "union":
      out = decidedByWire(desc.variants) || desc.variants.some(needsWireTypes);
      break;
    case "struct":
      out = desc.fields.some((f) => needsWireTypes(f.type));
      break;
    case "list":
      out = needsWireTypes(desc.element);
      break;
    case "map":
      out = needsWireTypes(desc.value);
      break;
    case "hashed":
      out = needsWireTypes(desc.inner);
      break;
    default:
      out = false;
  }
  needs.set(desc, out);
  return out;
}
