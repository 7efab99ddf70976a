// flytekit's `compute_hash_string` (flytekit/utils/pbhash.py): base64(sha256(json.dumps(MessageToDict(pb),
// sort_keys=True, separators=(",", ":")))). protobuf-es's toJson gives the same tree as MessageToDict; the text is
// rendered the way Python's json module renders it, so a hash we compute equals the one flytekit computes.
import { createHash } from "node:crypto";
import { type DescMessage, type JsonValue, type MessageShape, toJson } from "@bufbuild/protobuf";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";

/**
 * How many levels messages may nest below the top one: the limit of Python's protobuf (upb), which counts map
 * entries too, so no message Python can read or write is deeper. protobuf-es's `recursionLimit` counts the top
 * message as well: 101 is the same limit.
 */
export const MAX_NESTED_MESSAGES = 100;

/**
 * flytekit's `compute_hash_string` of a message: base64 of the SHA-256 of its JSON with sorted keys and compact
 * separators, equal to flytekit's (an offloaded literal's hash, say). Messages nested over 100 levels throw
 * `invalid_literal`.
 */
export function computeHashString<D extends DescMessage>(schema: D, message: MessageShape<D>): string {
  // toJson and pythonJson recurse; deeper than protobuf allows, refuse before they overflow the stack.
  if (tooDeep(message, MAX_NESTED_MESSAGES + 1)) {
    fail(ErrorCode.invalidLiteral, msg.tooDeepToHash(schema.typeName, MAX_NESTED_MESSAGES), {
      expected: `messages nested at most ${MAX_NESTED_MESSAGES} levels deep`,
      received: `more than ${MAX_NESTED_MESSAGES} levels`,
    });
  }
  const text = pythonJson(toJson(schema, message));
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/**
 * Whether `value` holds messages (objects with a `$typeName`) more than `levels` deep, counting itself. Walks
 * messages, oneofs, lists and maps alike, and stops as soon as it knows, so its recursion stays shallow.
 */
function tooDeep(value: unknown, levels: number): boolean {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((x) => tooDeep(x, levels));
  const left = "$typeName" in value ? levels - 1 : levels;
  if (left < 0) return true;
  for (const x of Object.values(value)) if (tooDeep(x, left)) return true;
  return false;
}

/**
 * `json.dumps(v, sort_keys=True, separators=(",", ":"))`. In MessageToDict output every JSON number is a Python
 * float (int64s are strings; doubles and Struct numbers are floats), so numbers use Python's float repr.
 */
export function pythonJson(v: JsonValue): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return pythonFloat(v);
  if (typeof v === "string") return pythonString(v);
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(",")}]`;
  const keys = Object.keys(v).sort(byCodePoint);
  return `{${keys.map((k) => `${pythonString(k)}:${pythonJson(v[k] as JsonValue)}`).join(",")}}`;
}

/** Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa, exp] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const point = e + 1;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const SHORT: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A JSON string with `ensure_ascii=True`: everything outside printable ASCII as lowercase `\uXXXX` units. */
function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Python compares strings by code point, JavaScript by UTF-16 unit; they differ only past U+FFFF. */
function byCodePoint(a: string, b: string): number {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(j) as number;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}
