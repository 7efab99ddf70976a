// Untyped data inside msgpack: Python's bare `dict` and `typing.Any` fields. JS values map to msgpack the way
// Python's msgpack maps the equivalent Python values, so a TS task and a Python task see the same data.
import { type ConvertContext, INVALID, type Invalid } from "../../src/codec/context.js";
import { ErrorCode } from "../../src/errors/flyte-type-error.js";
import { msg } from "../../src/errors/messages.js";
import { MAX_MSGPACK_DEPTH } from "../../src/msgpack/msgpack-reader.js";
import type { MsgpackWriter } from "../../src/msgpack/msgpack-writer.js";
import { isoFromTimestamp, timestampFromDate } from "../../src/values/time.js";
import { isPlainObject, WELL_FORMED, wellFormed } from "./objects.js";

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function refuse(cx: ConvertContext, value: unknown, why: string): Invalid {
  return cx.mismatch(why, value);
}

/**
 * Writes a JSON-like value: integral numbers as ints (Python's json/msgpack cannot tell `1.0` from `1` either once
 * in JS), other numbers as float64, bigints in the int64/uint64 range, Uint8Array as bin, Dates as ISO strings,
 * arrays, and plain objects as maps with string keys. Anything else is refused with its path.
 */
export function packUntyped(value: unknown, w: MsgpackWriter, cx: ConvertContext): Invalid | undefined {
  switch (typeof value) {
    case "string":
      if (!wellFormed(value)) return refuse(cx, value, WELL_FORMED);
      w.str(value);
      return undefined;
    case "boolean":
      w.bool(value);
      return undefined;
    case "number":
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) w.int(value);
      else w.float64(value);
      return undefined;
    case "bigint":
      if (value < INT64_MIN || value > UINT64_MAX) return refuse(cx, value, "an integer in the int64/uint64 range");
      w.bigint(value);
      return undefined;
    case "undefined":
      w.nil();
      return undefined;
    default:
      break;
  }
  if (value === null) {
    w.nil();
    return undefined;
  }
  if (value instanceof Uint8Array) {
    w.bin(value);
    return undefined;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refuse(cx, value, "a valid Date");
    w.str(isoFromTimestamp(timestampFromDate(value), w.style));
    return undefined;
  }
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return refuse(cx, value, "JSON-like data (plain objects, arrays, primitives)");
  if (w.depth >= MAX_MSGPACK_DEPTH) {
    return cx.fail(
      ErrorCode.outOfRange,
      msg.tooDeepToWrite(MAX_MSGPACK_DEPTH),
      `at most ${MAX_MSGPACK_DEPTH} levels`,
      "deeper",
    );
  }
  w.depth++;
  let bad = false;
  if (isArray) {
    const items = value as unknown[];
    w.arrayHeader(items.length);
    for (let i = 0; i < items.length; i++) {
      cx.path.push(i);
      const r = packUntyped(items[i], w, cx);
      cx.path.pop();
      if (r === INVALID) {
        bad = true;
        if (cx.failFast) break;
      }
    }
  } else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    w.mapHeader(keys.length);
    for (const k of keys) {
      w.str(k);
      cx.path.push(k);
      const r = wellFormed(k) ? packUntyped(obj[k], w, cx) : refuse(cx, k, `a key that is ${WELL_FORMED}`);
      cx.path.pop();
      if (r === INVALID) {
        bad = true;
        if (cx.failFast) break;
      }
    }
  }
  w.depth--;
  return bad ? INVALID : undefined;
}
