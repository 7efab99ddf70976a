// Enums: `z.enum([...])` (string values) ⇄ `enum_type`; the value travels as a string, as flytekit writes it.
// Values keep the order of the enum's entries: `z.enum({ A: "b", B: "1" })` for a Python enum whose values look
// like integers, since `z.enum(["b", "1"])` is reordered by zod before we see it.

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID } from "../src/codec/context.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/codec/literal-read.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { lit, ltype } from "../src/literal/model.js";
import { orderedEnum } from "./shared/ordered-enum.js";

export const enumKind: KindHandler<"enum"> = {
  compile(desc) {
    const allowed = new Set(desc.values);
    const check = (v: unknown, cx: ConvertContext): unknown => {
      if (typeof v !== "string") {
        return cx.mismatch("an enum string", v, "string");
      }
      if (!allowed.has(v)) {
        return cx.fail(
          ErrorCode.unknownEnumValue,
          msg.unknownEnum(v, desc.values),
          desc.values.join(" | "),
          JSON.stringify(v),
        );
      }
      return v;
    };
    const onPrimitive = (p: PrimitiveValue, cx: ConvertContext): unknown =>
      p.case === "stringValue" ? check(p.value, cx) : NO_MATCH;
    return {
      desc,
      literalType: ltype.enum([...desc.values]),
      tag: "DefaultEnumTransformer",
      toLiteral(value, cx) {
        const v = check(value, cx);
        return v === INVALID ? INVALID : lit.string(v as string);
      },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "an enum string", onPrimitive, check);
      },
      fromPlain: check,
      pack(value, w, cx) {
        const v = check(value, cx);
        if (v === INVALID) return INVALID;
        w.str(v as string);
        return undefined;
      },
      // pydantic defines a named enum once in $defs; mashumaro writes the values inline.
      jsonSchema(g) {
        const values = [...desc.values];
        if (g.style === "dataclass") return { enum: values };
        const title = desc.title;
        if (title === undefined) return { enum: values, type: "string" };
        return g.ref(title, () => ({ enum: values, title, type: "string" }));
      },
    };
  },
  guess: {
    keys: ["enum"],
    schema: (lt) => {
      const values = (lt.type.value as { values: string[] }).values;
      return values.length === 0 ? z.never() : orderedEnum(values as [string, ...string[]]);
    },
  },
};
