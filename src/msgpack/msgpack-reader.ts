// msgpack decoding with limits. @msgpack/msgpack decodes iteratively and refuses lengths beyond the input; we add a
// nesting limit in a first pass over the bytes, so hostile input fails with a typed error before anything is built.
import { randomBytes } from "node:crypto";
import { Decoder } from "@msgpack/msgpack";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";

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

export function decodeMsgpack(bytes: Uint8Array): unknown {
  const n = bytes.byteLength;
  const problem = scanMsgpack(bytes, MAX_MSGPACK_DEPTH);
  if (problem !== undefined) {
    return fail(ErrorCode.decodeFailed, msg.invalidMsgpack(problem), {
      expected: "msgpack bytes",
      received: `${n} bytes`,
    });
  }
  try {
    if (protoKeys.length === 0) return decoder.decode(bytes);
    return withProtoKeys(bytes);
  } catch (cause) {
    return fail(ErrorCode.decodeFailed, msg.invalidMsgpack((cause as Error).message), {
      expected: "msgpack bytes",
      received: `${n} bytes`,
      cause,
    });
  }
}

// Byte sizes of fixed-width payloads by head byte (0xc0..0xdf); -1 for heads handled in the switch.
function fixedPayload(head: number): number {
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
const PROTO = new TextEncoder().encode("__proto__");

const isProto = (bytes: Uint8Array, at: number, len: number) =>
  len === PROTO.length && PROTO.every((b, i) => bytes[at + i] === b);

/**
 * Python writes `{"__proto__": 1}` as readily as any dict, but @msgpack/msgpack refuses that key (assigning it
 * would set the prototype). Such keys are renamed to a marker the bytes do not contain, decoded, and renamed back
 * as own data properties.
 */
function withProtoKeys(bytes: Uint8Array): unknown {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let marker: string;
  do marker = `\u0000proto:${randomBytes(8).toString("hex")}`;
  while (raw.includes(marker));
  const name = new TextEncoder().encode(marker);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let k = 0; k < protoKeys.length; k += 2) {
    parts.push(bytes.subarray(from, protoKeys[k]), Uint8Array.of(0xa0 | name.length), name);
    from = protoKeys[k + 1] as number;
  }
  parts.push(bytes.subarray(from));
  return renameKeys(decoder.decode(Buffer.concat(parts)), marker);
}

function renameKeys(v: unknown, marker: string): unknown {
  if (Array.isArray(v)) return v.map((x) => renameKeys(x, marker));
  // Only maps decode to plain objects; bytes, timestamps and other extension values stay as they are.
  if (typeof v !== "object" || v === null || Object.getPrototypeOf(v) !== Object.prototype) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    Object.defineProperty(out, k === marker ? "__proto__" : k, {
      value: renameKeys(x, marker),
      enumerable: true,
      writable: true,
      configurable: true,
    });
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

/**
 * Walks the structure without building it: checks that every claimed length fits the input, that nesting stays
 * within `maxDepth`, and that exactly one value fills the bytes. Returns a description of the first problem.
 * Written without closures or allocations: it runs once per record.
 */
export function scanMsgpack(bytes: Uint8Array, maxDepth: number): string | undefined {
  const end = bytes.byteLength;
  if (maxDepth > MAX_MSGPACK_DEPTH) maxDepth = MAX_MSGPACK_DEPTH;
  let top = 0;
  remaining[0] = 1; // the root is one value
  isMap[0] = 0;
  protoKeys.length = 0;
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
    if (head <= 0x7f || head >= 0xe0) continue;
    let count = -1; // items of a container opened here
    if (head <= 0x8f) count = (head & 0x0f) * 2;
    else if (head <= 0x9f) count = head & 0x0f;
    else if (head <= 0xbf) {
      const len = head & 0x1f;
      if (pos + len > end) return msg.msgpackOverrun("a string", len, end - pos);
      if (key && isProto(bytes, pos, len)) protoKeys.push(pos - 1, pos + len);
      pos += len;
    } else if (head === 0xc1) return msg.msgpackReserved(pos - 1);
    else {
      const fixed = fixedPayload(head);
      if (fixed >= 0) {
        if (pos + fixed > end) return msg.msgpackTruncated(pos);
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
        const body = head >= 0xc7 && head <= 0xc9 ? len + 1 : len;
        if (pos + body > end) return msg.msgpackOverrun("a value", body, end - pos);
        if (key && head >= 0xd9 && head <= 0xdb && isProto(bytes, pos, len)) protoKeys.push(pos - width - 1, pos + len);
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
