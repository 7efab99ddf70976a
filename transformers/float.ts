// FLOAT: `z.number()`. NaN and ±Infinity travel as IEEE doubles, like Python's float.

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/codec/literal-read.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";

const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
  // msgpack's 1.0 decodes to the JS number 1: in a union's first pass it is left to an INTEGER variant, unless the
  // wire says it was a float; a bigint (int64/uint64) is left to it too.
  if (typeof v === "number") return cx.strictNumbers && Number.isInteger(v) && cx.wire !== "float" ? check(v, cx) : v;
  if (typeof v === "bigint") {
    return cx.strictNumbers && cx.wire === "int" ? cx.mismatch("a msgpack float", v, "msgpack float") : Number(v);
  }
  return cx.mismatch("a msgpack float", v, "msgpack float");
};

const check = (value: unknown, cx: ConvertContext): number | Invalid => {
  if (typeof value !== "number") {
    return cx.mismatch("a number", value, "number");
  }
  // In a union's first pass an integral number belongs to an INTEGER variant (see ConvertContext).
  if (cx.strictNumbers && Number.isInteger(value) && !Object.is(value, -0)) {
    return cx.fail(ErrorCode.typeMismatch, msg.integralNumber, "non-integral number", `${value}`);
  }
  return value;
};

export const floatKind: KindHandler<"float"> = {
  compile(desc) {
    const onPrimitive = (p: PrimitiveValue, cx: ConvertContext): unknown => {
      if (p.case === "floatValue") return p.value;
      // flytekit reads an INTEGER literal into float.
      if (p.case === "integer" && !cx.strictNumbers) return Number(p.value);
      return NO_MATCH;
    };
    return {
      desc,
      literalType: ltype.simple(SimpleType.FLOAT),
      tag: "float",
      toLiteral(value, cx) {
        const v = check(value, cx);
        return v === INVALID ? INVALID : lit.float(v);
      },
      // Always float64, even for integral values: Python's msgpack writes a float field that way.
      pack(value, w, cx) {
        const v = check(value, cx);
        if (v === INVALID) return INVALID;
        w.float64(v);
        return undefined;
      },
      jsonSchema: () => ({ type: "number" }),
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "FLOAT", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:FLOAT"], schema: () => z.number() },
};
