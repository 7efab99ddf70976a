// FLOAT: `z.number()`. NaN and ±Infinity travel as IEEE doubles, like Python's float.

import { z } from "zod";
import type { KindHandler } from "../src/codec.js";
import type { ConvertContext } from "../src/context.js";
import { ErrorCode } from "../src/errors.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/literal-read.js";
import { describeValue, msg } from "../src/messages.js";
import { lit, ltype, SimpleType } from "../src/model.js";

const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return cx.fail(
    ErrorCode.typeMismatch,
    msg.expected("a msgpack float", describeValue(v)),
    "msgpack float",
    describeValue(v),
  );
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
        if (typeof value !== "number") {
          return cx.fail(
            ErrorCode.typeMismatch,
            msg.expected("a number", describeValue(value)),
            "number",
            describeValue(value),
          );
        }
        // In a union's first pass an integral number belongs to an INTEGER variant (see ConvertContext).
        if (cx.strictNumbers && Number.isInteger(value)) {
          return cx.fail(
            ErrorCode.typeMismatch,
            "integral numbers go to an INTEGER variant first",
            "non-integral number",
            `${value}`,
          );
        }
        return lit.float(value);
      },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "FLOAT", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:FLOAT"], schema: () => z.number() },
};
