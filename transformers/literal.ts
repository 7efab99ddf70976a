// Value sets: `z.literal("a")`, `z.literal(["a", "b"])` and unions of literals, as Python's `typing.Literal`. The
// value travels as its base type; the LiteralType is the base type plus a `literal_values` annotation. Unlike
// flytekit (which does not check), a value outside the set is refused, as zod would.

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import type { DescOf } from "../src/codec/descriptor.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { describeValue, msg } from "../src/errors/messages.js";
import type { LiteralType } from "../src/literal/model.js";
import type { JsonObject } from "../src/msgpack/json-schema.js";

type Value = string | number | boolean;

function baseDesc(desc: DescOf<"literal">) {
  switch (desc.base) {
    case "int":
      return { kind: "int", repr: "number" } as const;
    case "float":
      return { kind: "float" } as const;
    case "string":
      return { kind: "string" } as const;
    case "bool":
      return { kind: "bool" } as const;
  }
}

export const literalKind: KindHandler<"literal"> = {
  compile(desc, child) {
    const base = child(baseDesc(desc));
    const allowed = new Set<unknown>(desc.values);
    const shown = desc.values.map((v) => JSON.stringify(v)).join(" | ");
    const check = (v: unknown, cx: ConvertContext): Invalid | undefined =>
      allowed.has(v)
        ? undefined
        : cx.fail(ErrorCode.unknownEnumValue, msg.notOneOf(describeValue(v), shown), shown, describeValue(v));
    const literalType: LiteralType = {
      ...base.literalType,
      annotation: {
        $typeName: "flyteidl.core.TypeAnnotation",
        annotations: { literal_values: [...desc.values] },
      },
    };
    const read = (out: unknown, cx: ConvertContext): unknown => (out === INVALID ? INVALID : (check(out, cx) ?? out));
    return {
      desc,
      literalType,
      tag: "LiteralTypeTransformer",
      toLiteral: (value, cx) => check(value, cx) ?? base.toLiteral(value, cx),
      toValue: (literal, cx) => read(base.toValue(literal, cx), cx),
      fromPlain: (value, cx) => read(base.fromPlain(value, cx), cx),
      pack: (value, w, cx) => check(value, cx) ?? base.pack(value, w, cx),
      // One value is a `const` for both libraries; pydantic adds the base type, mashumaro does not.
      jsonSchema(g) {
        const values = [...desc.values];
        const type = g.style === "pydantic" ? { type: (base.jsonSchema(g) as JsonObject).type as string } : {};
        return values.length === 1 ? { const: values[0] as Value, ...type } : { enum: values, ...type };
      },
    };
  },
  guess: {
    keys: ["literal"],
    schema: (lt) => {
      const values = (lt.annotation?.annotations?.literal_values ?? []) as Value[];
      const ints = lt.type.case === "simple" && lt.type.value === 1;
      // INTEGER values come back from the Struct as doubles; they are integers again here.
      const vs = ints ? values.map((v) => Math.trunc(v as number)) : values;
      return vs.length === 0 ? z.never() : z.literal(vs as [Value, ...Value[]]);
    },
  },
};
