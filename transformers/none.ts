// NONE: `z.null()`, `z.undefined()` and the none variant of `.optional()` / `.nullable()`. Both null and undefined
// are written as Python's None; reading gives back the representation the schema asks for.

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";

const notNone = (value: unknown, cx: ConvertContext): Invalid => cx.mismatch("null or undefined", value, "null");

export const noneKind: KindHandler<"none"> = {
  compile(desc) {
    const empty = desc.repr === "null" ? null : undefined;
    const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
      v === null || v === undefined ? empty : cx.mismatch("msgpack nil", v, "nil");
    return {
      desc,
      literalType: ltype.simple(SimpleType.NONE),
      tag: "none",
      toLiteral(value, cx) {
        if (value !== null && value !== undefined) return notNone(value, cx);
        return lit.none();
      },
      pack(value, w, cx) {
        if (value !== null && value !== undefined) return notNone(value, cx);
        w.nil();
        return undefined;
      },
      jsonSchema: () => ({ type: "null" }),
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case === "scalar" && v.value.value.case === "noneType") return empty;
        const b = binaryValueOf(literal, cx);
        if (b === NOT_BINARY) return literalMismatch(cx, "NONE", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:NONE"], schema: () => z.null() },
};
