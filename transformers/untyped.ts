// Untyped data: `z.record(z.string(), z.unknown())` (Python's bare `dict`) and `z.unknown()`/`z.any()`/`z.json()`
// (`typing.Any` inside records). Written as msgpack STRUCT like flytekit's untyped dict; read from msgpack or from
// the legacy `scalar.generic` Struct the console and older SDKs send.

import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID } from "../src/codec/context.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { lit } from "../src/literal/model.js";
import { writeMsgpack } from "../src/msgpack/msgpack-writer.js";
import { isPlainObject, setOwn } from "./shared/objects.js";
import { structLiteralType } from "./shared/struct-type.js";
import { packUntyped } from "./shared/untyped-values.js";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * `v` with every bigint in the safe range as a number: msgpack's int64 and uint64 forms arrive as bigints, and
 * Python writes 2**32 in them, but an integer a number holds exactly is a number to the rest of JS, as for typed
 * INTEGER fields. Only the arrays and objects that lead to a change are copied.
 */
function safeIntegers(v: unknown): unknown {
  if (typeof v === "bigint") return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    v.forEach((x, i) => {
      const y = safeIntegers(x);
      if (y === x) return;
      out ??= [...v];
      out[i] = y;
    });
    return out ?? v;
  }
  if (!isPlainObject(v)) return v;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(v)) {
    const x = v[k];
    const y = safeIntegers(x);
    if (y === x) continue;
    out ??= { ...v };
    setOwn(out, k, y);
  }
  return out ?? v;
}

export const untypedKind: KindHandler<"untyped"> = {
  compile(desc) {
    const objectOnly = desc.shape === "object";
    const shapeOk = (v: unknown, cx: ConvertContext, what: string): boolean =>
      !objectOnly || isPlainObject(v) || cx.mismatch(what, v) !== INVALID;
    const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
      shapeOk(v, cx, "a msgpack map") ? safeIntegers(v) : INVALID;
    return {
      desc,
      literalType: structLiteralType(),
      tag: "Typed Dict",
      toLiteral(value, cx) {
        if (!shapeOk(value, cx, "a plain object")) return INVALID;
        const bytes = writeMsgpack((w) => packUntyped(value, w, cx));
        return bytes === INVALID ? INVALID : lit.binary(bytes, "msgpack");
      },
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case === "scalar" && v.value.value.case === "generic") return fromPlain(v.value.value.value, cx);
        const b = binaryValueOf(literal, cx);
        if (b === NOT_BINARY) return literalMismatch(cx, "a msgpack STRUCT", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
      pack: (value, w, cx) => (shapeOk(value, cx, "a plain object") ? packUntyped(value, w, cx) : INVALID),
      // Python's bare `dict`: pydantic allows any property explicitly, mashumaro says only "object".
      jsonSchema(g) {
        if (!objectOnly) return {};
        return g.style === "pydantic" ? { additionalProperties: true, type: "object" } : { type: "object" };
      },
    };
  },
};
