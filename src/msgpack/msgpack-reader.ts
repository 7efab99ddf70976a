// msgpack decoding with limits. @msgpack/msgpack decodes iteratively and refuses lengths beyond the input; a first
// pass over the bytes adds what Python's msgpack also refuses (too deep, text that is not UTF-8, timestamps with a
// second or more of nanoseconds), so hostile input fails with a typed error before anything is built.
import { isUtf8 } from "node:buffer";
import { Decoder } from "@msgpack/msgpack";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { formatPath, type PathSegment } from "../errors/path.js";
import { randomHex } from "../random-hex.js";

/** The deepest nesting we read: msgpack-c (Python's msgpack) stops at 1024 as well. */
export const MAX_MSGPACK_DEPTH = 1024;

// One decoder for every call: its string-key cache pays off across records, and the scan has already checked
// every claimed length against the input, so its own limits need not be per input.
// Map keys beyond 32 bits arrive as bigints (int64/uint64 on the wire); JS objects hold every key as a string anyway.
// Another key throws a plain Error, which decodeMsgpack (the decoder's only caller) turns into a decode_failed.
const decoder = new Decoder({
  useBigInt64: true,
  mapKeyConverter: (key) => {
    if (typeof key === "string" || typeof key === "number") return key;
    if (typeof key === "bigint") return String(key);
    throw new Error(msg.msgpackMapKey(key === null ? "nil" : typeof key));
  },
});

/**
 * Python keeps the keys `1` and `"1"` of one map apart; a JS object cannot. When the scan saw a map key that is not
 * a string, this decoder prefixes number keys with a low surrogate (no string that passed the UTF-8 check can start
 * with one: in UTF-16 it only ever follows a high surrogate), so `restoreKeys` can see both and refuse the map.
 * Every NaN is its own key, as in Python.
 */
const NUMBER_KEY = "\udc00";
let nanKeys = 0;
const markingDecoder = new Decoder({
  useBigInt64: true,
  mapKeyConverter: (key) => {
    if (typeof key === "string") return key;
    if (typeof key === "number" || typeof key === "bigint") {
      return Number.isNaN(key) ? `${NUMBER_KEY}NaN${NUMBER_KEY}${nanKeys++}` : `${NUMBER_KEY}${key}`;
    }
    throw new Error(msg.msgpackMapKey(key === null ? "nil" : typeof key));
  },
});

export function decodeMsgpack(bytes: Uint8Array): unknown {
  const n = bytes.byteLength;
  const problem = scanMsgpack(bytes, MAX_MSGPACK_DEPTH);
  if (problem !== undefined) {
    return fail(ErrorCode.decodeFailed, msg.invalidMsgpack(problem), {
      expected: "msgpack bytes",
      received: `${n} bytes`,
    });
  }
  const numberKeys = sawNonStringKey;
  let value: unknown;
  let protoMarker: string | undefined;
  try {
    if (protoKeys.length === 0 && !numberKeys) return decoder.decode(bytes);
    const use = numberKeys ? markingDecoder : decoder;
    if (protoKeys.length === 0) value = use.decode(bytes);
    else {
      protoMarker = markerFor(bytes);
      value = use.decode(withProtoKeys(bytes, protoMarker));
    }
  } catch (cause) {
    return fail(ErrorCode.decodeFailed, msg.invalidMsgpack((cause as Error).message), {
      expected: "msgpack bytes",
      received: `${n} bytes`,
      cause,
    });
  }
  return restoreKeys(value, protoMarker, []);
}

/** Byte sizes of fixed-width payloads by head byte (0xc0..0xdf); -1 for variable-size heads. */
export function fixedPayload(head: number): number {
  switch (head) {
    case 0xc0:
    case 0xc2:
    case 0xc3:
      return 0;
    case 0xcc:
    case 0xd0:
      return 1;
    case 0xcd:
    case 0xd1:
      return 2;
    case 0xca:
    case 0xce:
    case 0xd2:
      return 4;
    case 0xcb:
    case 0xcf:
    case 0xd3:
      return 8;
    case 0xd4:
      return 2;
    case 0xd5:
      return 3;
    case 0xd6:
      return 5;
    case 0xd7:
      return 9;
    case 0xd8:
      return 17;
    default:
      return -1;
  }
}

// Values still to read per open container, and whether it is a map; the scan runs synchronously, so one stack
// serves every call.
const remaining = new Float64Array(MAX_MSGPACK_DEPTH + 2);
const isMap = new Uint8Array(MAX_MSGPACK_DEPTH + 2);

/** Map keys spelled `__proto__` the last scan found, as [start of the key's head, end of its bytes] pairs. */
const protoKeys: number[] = [];
/** Whether the last scan met a map key that is not a string. */
let sawNonStringKey = false;
const PROTO = new TextEncoder().encode("__proto__");

const isProto = (bytes: Uint8Array, at: number, len: number) =>
  len === PROTO.length && PROTO.every((b, i) => bytes[at + i] === b);

/** A key name the bytes do not contain, to stand for `__proto__` while decoding. */
function markerFor(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let marker: string;
  do marker = `\u0000proto:${randomHex(8)}`;
  while (raw.includes(marker));
  return marker;
}

/**
 * Python writes `{"__proto__": 1}` as readily as any dict, but @msgpack/msgpack refuses that key (assigning it
 * would set the prototype). Such keys are renamed to `marker` before decoding, and back by restoreKeys.
 */
function withProtoKeys(bytes: Uint8Array, marker: string): Uint8Array {
  const name = new TextEncoder().encode(marker);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let k = 0; k < protoKeys.length; k += 2) {
    parts.push(bytes.subarray(from, protoKeys[k]), Uint8Array.of(0xa0 | name.length), name);
    from = protoKeys[k + 1] as number;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/**
 * Copies maps with their marked keys renamed back, as own data properties: the `__proto__` marker to `__proto__`,
 * marked number keys to their decimal text, refusing a map where that text is also a string key (or two NaNs).
 */
function restoreKeys(v: unknown, protoMarker: string | undefined, path: PathSegment[]): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      v[i] = restoreKeys(v[i], protoMarker, path);
      path.pop();
    }
    return v;
  }
  // Only maps decode to plain objects; bytes, timestamps and other extension values stay as they are.
  if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    let name = k;
    if (k === protoMarker) name = "__proto__";
    else if (k.startsWith(NUMBER_KEY)) {
      name = k.slice(NUMBER_KEY.length).split(NUMBER_KEY)[0] as string;
      if (Object.hasOwn(v, name) || Object.hasOwn(out, name)) {
        const first = `the number ${name}`;
        const second = Object.hasOwn(v, name) ? `the string ${JSON.stringify(name)}` : first;
        const where = formatPath("", path);
        return fail(ErrorCode.decodeFailed, msg.invalidMsgpack(msg.msgpackKeyCollision(where, first, second)), {
          path,
          expected: "map keys that stay distinct as JS property names",
          received: `${first} and ${second}`,
        });
      }
    }
    path.push(name);
    Object.defineProperty(out, name, {
      value: restoreKeys(x, protoMarker, path),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    path.pop();
  }
  return out;
}

/** Byte width of the length field of a variable-length head (bin/str/ext 8-16-32, array/map 16-32), else 0. */
function lengthWidth(head: number): number {
  switch (head) {
    case 0xc4:
    case 0xd9:
    case 0xc7:
      return 1;
    case 0xc5:
    case 0xda:
    case 0xc8:
    case 0xdc:
    case 0xde:
      return 2;
    case 0xc6:
    case 0xdb:
    case 0xc9:
    case 0xdd:
    case 0xdf:
      return 4;
    default:
      return 0;
  }
}

// Strings are checked in the scan rather than where @msgpack/msgpack decodes them (its string decoding is private):
// text from NATIVE_FROM bytes on goes to node's native check (simdutf) at once; shorter text is OR-ed a word at a
// time, and only text with a byte past ASCII is checked properly (natively from NATIVE_MIXED_FROM bytes, where that
// beats a loop in JS, call and view included). Measured on 10-15 MB records of short strings, this costs 3-7% of a
// decode.
const NATIVE_FROM = 256;
const NATIVE_MIXED_FROM = 48;

// The scanned bytes as 32-bit words from their first 4-aligned byte, `wordsFrom`: made by the first string of a scan
// that needs it, dropped when the scan ends (so that the input is not kept alive).
const NO_WORDS = new Int32Array(0);
let words: Int32Array = NO_WORDS;
let wordsFrom = 0;

function wordsOf(bytes: Uint8Array): void {
  wordsFrom = (4 - (bytes.byteOffset & 3)) & 3;
  const n = Math.max(0, (bytes.byteLength - wordsFrom) >> 2);
  words = new Int32Array(bytes.buffer, bytes.byteOffset + wordsFrom, n);
}

/**
 * Whether `len` bytes at `at` are UTF-8 as Python decodes it: strict, so no overlong forms, no surrogates, nothing
 * past U+10FFFF.
 */
function isUtf8At(bytes: Uint8Array, at: number, len: number): boolean {
  const end = at + len;
  if (len >= NATIVE_FROM) return isUtf8(bytes.subarray(at, end));
  let acc = 0;
  let i = at;
  if (len >= 16) {
    if (words === NO_WORDS) wordsOf(bytes);
    // The bytes up to a word boundary, the words within the string, then the bytes after them.
    for (const first = wordsFrom + (((at - wordsFrom + 3) >> 2) << 2); i < first; i++) acc |= bytes[i] as number;
    const last = (end - wordsFrom) >> 2;
    let high = 0;
    for (let w = (i - wordsFrom) >> 2; w < last; w++) high |= words[w] as number;
    if ((high & 0x80808080) !== 0) acc = 0x80;
    i = wordsFrom + (last << 2);
  }
  for (; i < end; i++) acc |= bytes[i] as number;
  return acc < 0x80 || strictUtf8(bytes, at, end);
}

function strictUtf8(bytes: Uint8Array, i: number, end: number): boolean {
  if (end - i >= NATIVE_MIXED_FROM) return isUtf8(bytes.subarray(i, end));
  while (i < end) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    // The bytes a lead byte may be followed by: 80..bf, narrowed for E0 (no overlong), ED (no surrogates),
    // F0 (no overlong) and F4 (nothing past U+10FFFF). C0, C1 and F5..FF never start a sequence.
    const n = c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > end) return false;
    const c1 = bytes[i + 1] as number;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k < n; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return false;
    i += n;
  }
  return true;
}

/**
 * Nanoseconds of a timestamp (extension -1) whose data (`len` bytes) starts at `at`, in the 64- and 96-bit forms;
 * 0 for the 32-bit form, which has none (other lengths are @msgpack/msgpack's to refuse).
 */
function timestampNanos(bytes: Uint8Array, at: number, len: number): number {
  if (len !== 8 && len !== 12) return 0;
  const word =
    (bytes[at] as number) * 0x1000000 +
    (((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number));
  return len === 8 ? Math.floor(word / 4) : word;
}

/**
 * Walks the structure without building it: checks that every claimed length fits the input, that nesting stays
 * within `maxDepth`, that strings are UTF-8, that timestamps hold less than a second of nanoseconds, and that
 * exactly one value fills the bytes. Returns a description of the first problem.
 * Written without closures or allocations: it runs once per record.
 */
export function scanMsgpack(bytes: Uint8Array, maxDepth: number): string | undefined {
  try {
    return scan(bytes, maxDepth);
  } finally {
    words = NO_WORDS;
  }
}

function scan(bytes: Uint8Array, maxDepth: number): string | undefined {
  const end = bytes.byteLength;
  if (maxDepth > MAX_MSGPACK_DEPTH) maxDepth = MAX_MSGPACK_DEPTH;
  let top = 0;
  remaining[0] = 1; // the root is one value
  isMap[0] = 0;
  protoKeys.length = 0;
  sawNonStringKey = false;
  words = NO_WORDS;
  let pos = 0;
  while (top >= 0) {
    if (remaining[top] === 0) {
      top--;
      continue;
    }
    // In a map, items alternate key, value: a key is read while an even number of items remains.
    const key = isMap[top] === 1 && (remaining[top] as number) % 2 === 0;
    remaining[top] = (remaining[top] as number) - 1;
    if (pos >= end) return msg.msgpackTruncated(pos);
    const head = bytes[pos++] as number;
    if (key && (head < 0xa0 || head > 0xbf) && (head < 0xd9 || head > 0xdb)) sawNonStringKey = true;
    if (head <= 0x7f || head >= 0xe0) continue;
    let count = -1; // items of a container opened here
    if (head <= 0x8f) count = (head & 0x0f) * 2;
    else if (head <= 0x9f) count = head & 0x0f;
    else if (head <= 0xbf) {
      const len = head & 0x1f;
      if (pos + len > end) return msg.msgpackOverrun("a string", len, end - pos);
      if (!isUtf8At(bytes, pos, len)) return msg.msgpackNotUtf8(key ? "a map key" : "a string", pos - 1);
      if (key && isProto(bytes, pos, len)) protoKeys.push(pos - 1, pos + len);
      pos += len;
    } else if (head === 0xc1) return msg.msgpackReserved(pos - 1);
    else {
      const fixed = fixedPayload(head);
      if (fixed >= 0) {
        if (pos + fixed > end) return msg.msgpackTruncated(pos);
        // fixext 8 (0xd7) of type -1: a 64-bit timestamp.
        if (head === 0xd7 && bytes[pos] === 0xff) {
          const nanos = timestampNanos(bytes, pos + 1, 8);
          if (nanos > 999_999_999) return msg.msgpackTimestampNanos(pos - 1, nanos);
        }
        pos += fixed;
        continue;
      }
      const width = lengthWidth(head);
      if (pos + width > end) return msg.msgpackTruncated(pos);
      const len =
        width === 1
          ? (bytes[pos] as number)
          : width === 2
            ? ((bytes[pos] as number) << 8) | (bytes[pos + 1] as number)
            : (bytes[pos] as number) * 0x1000000 +
              (((bytes[pos + 1] as number) << 16) | ((bytes[pos + 2] as number) << 8) | (bytes[pos + 3] as number));
      pos += width;
      if (head === 0xdc || head === 0xdd) count = len;
      else if (head === 0xde || head === 0xdf) count = len * 2;
      else {
        const ext = head >= 0xc7 && head <= 0xc9;
        const body = ext ? len + 1 : len;
        if (pos + body > end) return msg.msgpackOverrun("a value", body, end - pos);
        if (head >= 0xd9 && head <= 0xdb) {
          if (!isUtf8At(bytes, pos, len)) return msg.msgpackNotUtf8(key ? "a map key" : "a string", pos - width - 1);
          if (key && isProto(bytes, pos, len)) protoKeys.push(pos - width - 1, pos + len);
        } else if (ext && bytes[pos] === 0xff) {
          const nanos = timestampNanos(bytes, pos + 1, len);
          if (nanos > 999_999_999) return msg.msgpackTimestampNanos(pos - width - 1, nanos);
        }
        pos += body;
      }
    }
    if (count > 0) {
      if (count > end - pos) return msg.msgpackContainerOverrun(count, end - pos);
      if (top + 1 > maxDepth) return msg.msgpackTooDeep(maxDepth);
      remaining[++top] = count;
      isMap[top] = head <= 0x8f || head === 0xde || head === 0xdf ? 1 : 0;
    }
  }
  return pos === end ? undefined : msg.msgpackTrailing(end - pos);
}
