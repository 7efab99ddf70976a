// BOOLEAN: `z.boolean()`. Never an integer, in either direction, as in flytekit.

import { z } from "zod";
import type { KindHandler } from "../src/codec.js";
import type { ConvertContext } from "../src/context.js";
import { ErrorCode } from "../src/errors.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/literal-read.js";
import { describeValue, msg } from "../src/messages.js";
import { lit, ltype, SimpleType } from "../src/model.js";

const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
  typeof v === "boolean"
    ? v
    : cx.fail(
        ErrorCode.typeMismatch,
        msg.expected("a msgpack boolean", describeValue(v)),
        "msgpack boolean",
        describeValue(v),
      );

const onPrimitive = (p: PrimitiveValue): unknown => (p.case === "boolean" ? p.value : NO_MATCH);

export const boolKind: KindHandler<"bool"> = {
  compile(desc) {
    return {
      desc,
      literalType: ltype.simple(SimpleType.BOOLEAN),
      tag: "bool",
      toLiteral(value, cx) {
        if (typeof value !== "boolean") {
          return cx.fail(
            ErrorCode.typeMismatch,
            msg.expected("a boolean", describeValue(value)),
            "boolean",
            describeValue(value),
          );
        }
        return lit.boolean(value);
      },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "BOOLEAN", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:BOOLEAN"], schema: () => z.boolean() },
};
