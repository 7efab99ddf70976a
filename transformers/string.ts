// STRING: `z.string()` (any string format or check; checks are run by zod).

import { z } from "zod";
import type { KindHandler } from "../src/codec.js";
import type { ConvertContext } from "../src/context.js";
import { ErrorCode } from "../src/errors.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/literal-read.js";
import { describeValue, msg } from "../src/messages.js";
import { lit, ltype, SimpleType } from "../src/model.js";

const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
  typeof v === "string"
    ? v
    : cx.fail(
        ErrorCode.typeMismatch,
        msg.expected("a msgpack string", describeValue(v)),
        "msgpack string",
        describeValue(v),
      );

const onPrimitive = (p: PrimitiveValue): unknown => (p.case === "stringValue" ? p.value : NO_MATCH);

export const stringKind: KindHandler<"string"> = {
  compile(desc) {
    return {
      desc,
      literalType: ltype.simple(SimpleType.STRING),
      tag: "str",
      toLiteral(value, cx) {
        if (typeof value !== "string") {
          return cx.fail(
            ErrorCode.typeMismatch,
            msg.expected("a string", describeValue(value)),
            "string",
            describeValue(value),
          );
        }
        return lit.string(value);
      },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "STRING", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:STRING"], schema: () => z.string() },
};
