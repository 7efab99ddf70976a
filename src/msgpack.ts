// msgpack decoding with limits. @msgpack/msgpack decodes iteratively and refuses lengths beyond the input; we add a
// nesting limit in a first pass over the bytes, so hostile input fails with a typed error before anything is built.
import { Decoder } from "@msgpack/msgpack";
import { ErrorCode, fail } from "./errors.js";

/** The deepest nesting we read: msgpack-c (Python's msgpack) stops at 1024 as well. */
export const MAX_MSGPACK_DEPTH = 1024;

export function decodeMsgpack(bytes: Uint8Array): unknown {
  const n = bytes.byteLength;
  const problem = scanMsgpack(bytes, MAX_MSGPACK_DEPTH);
  if (problem !== undefined) {
    return fail(ErrorCode.decodeFailed, `invalid msgpack: ${problem}`, {
      expected: "msgpack bytes",
      received: `${n} bytes`,
    });
  }
  const decoder = new Decoder({
    useBigInt64: true,
    maxStrLength: n,
    maxBinLength: n,
    maxArrayLength: n,
    maxMapLength: n,
    maxExtLength: n,
  });
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    return fail(ErrorCode.decodeFailed, `invalid msgpack: ${(cause as Error).message}`, {
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

/**
 * Walks the structure without building it: checks that every claimed length fits the input, that nesting stays
 * within `maxDepth`, and that exactly one value fills the bytes. Returns a description of the first problem.
 */
export function scanMsgpack(bytes: Uint8Array, maxDepth: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength;
  // remaining[i]: values still to read in the container at depth i; the root counts as one value.
  const remaining: number[] = [1];
  let pos = 0;
  const need = (k: number): boolean => pos + k <= end;
  const container = (count: number): string | undefined => {
    if (count > end - pos) return `a container claims ${count} items with ${end - pos} bytes left`;
    if (count === 0) return undefined;
    if (remaining.length > maxDepth) return `nesting deeper than ${maxDepth}`;
    remaining.push(count);
    return undefined;
  };
  while (remaining.length > 0) {
    const top = remaining.length - 1;
    if ((remaining[top] as number) === 0) {
      remaining.pop();
      continue;
    }
    remaining[top] = (remaining[top] as number) - 1;
    if (!need(1)) return `truncated at byte ${pos}`;
    const head = bytes[pos++] as number;
    let problem: string | undefined;
    if (head <= 0x7f || head >= 0xe0) continue;
    if (head <= 0x8f) problem = container((head & 0x0f) * 2);
    else if (head <= 0x9f) problem = container(head & 0x0f);
    else if (head <= 0xbf) {
      const len = head & 0x1f;
      if (!need(len)) return `a string claims ${len} bytes with ${end - pos} left`;
      pos += len;
    } else if (head === 0xc1) return `reserved byte 0xc1 at ${pos - 1}`;
    else {
      const fixed = fixedPayload(head);
      if (fixed >= 0) {
        if (!need(fixed)) return `truncated at byte ${pos}`;
        pos += fixed;
        continue;
      }
      // Variable lengths: bin/str/ext 8-16-32, array/map 16-32.
      const width = [0xc4, 0xd9, 0xc7].includes(head) ? 1 : [0xc5, 0xda, 0xc8, 0xdc, 0xde].includes(head) ? 2 : 4;
      if (!need(width)) return `truncated at byte ${pos}`;
      const len = width === 1 ? view.getUint8(pos) : width === 2 ? view.getUint16(pos) : view.getUint32(pos);
      pos += width;
      if (head === 0xdc || head === 0xdd) problem = container(len);
      else if (head === 0xde || head === 0xdf) problem = container(len * 2);
      else {
        const body = head >= 0xc7 && head <= 0xc9 ? len + 1 : len;
        if (!need(body)) return `a value claims ${body} bytes with ${end - pos} left`;
        pos += body;
      }
    }
    if (problem !== undefined) return problem;
  }
  return pos === end ? undefined : `${end - pos} bytes after the value`;
}
