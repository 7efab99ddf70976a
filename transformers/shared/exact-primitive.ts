// The codec of a primitive that maps one JS `typeof` to one Primitive case with no conversion (STRING, BOOLEAN):
// the value is accepted as it is, read back from that case or from the same msgpack type.
import type { Codec } from "../../src/codec/codec.js";
import type { ConvertContext, Invalid } from "../../src/codec/context.js";
import type { TypeDesc } from "../../src/codec/descriptor.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../../src/codec/literal-read.js";
import type { Literal, LiteralType } from "../../src/literal/model.js";
import { WELL_FORMED, wellFormed } from "./objects.js";

export interface ExactPrimitive<T> {
  readonly typeOf: "string" | "boolean";
  readonly primitive: "stringValue" | "boolean";
  readonly literalType: LiteralType;
  readonly simpleName: string;
  readonly tag: string;
  /** The JSON Schema `type` inside records. */
  readonly jsonType: "string" | "boolean";
  readonly make: (value: T) => Literal;
}

export function exactPrimitiveCodec<T>(desc: TypeDesc, spec: ExactPrimitive<T>): Codec {
  const { typeOf, primitive } = spec;
  const expected = `a ${typeOf}`;
  const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
    typeof v === typeOf ? v : cx.mismatch(`a msgpack ${typeOf}`, v, `msgpack ${typeOf}`);
  const mismatch = (value: unknown, cx: ConvertContext): Invalid =>
    typeof value === "string" ? cx.mismatch(WELL_FORMED, value) : cx.mismatch(expected, value, typeOf);
  /** The value is of the type, and a string has a UTF-8 form. */
  const accepts = (value: unknown): boolean =>
    typeof value === typeOf && (typeOf !== "string" || wellFormed(value as string));
  const onPrimitive = (p: PrimitiveValue): unknown => (p.case === primitive ? p.value : NO_MATCH);
  return {
    desc,
    literalType: spec.literalType,
    tag: spec.tag,
    toLiteral(value, cx) {
      return accepts(value) ? spec.make(value as T) : mismatch(value, cx);
    },
    pack(value, w, cx) {
      if (!accepts(value)) return mismatch(value, cx);
      if (typeOf === "string") w.str(value as string);
      else w.bool(value as boolean);
      return undefined;
    },
    jsonSchema: () => ({ type: spec.jsonType }),
    toValue: (literal, cx) => readPrimitive(literal, cx, spec.simpleName, onPrimitive, fromPlain),
    fromPlain,
  };
}
