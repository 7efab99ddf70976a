// The codec of a primitive that maps one JS `typeof` to one Primitive case with no conversion (STRING, BOOLEAN):
// the value is accepted as it is, read back from that case or from the same msgpack type.
import type { Codec } from "./codec.js";
import type { ConvertContext } from "./context.js";
import type { TypeDesc } from "./descriptor.js";
import { ErrorCode } from "./errors.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "./literal-read.js";
import { describeValue, msg } from "./messages.js";
import type { Literal, LiteralType } from "./model.js";

export interface ExactPrimitive<T> {
  readonly typeOf: "string" | "boolean";
  readonly primitive: "stringValue" | "boolean";
  readonly literalType: LiteralType;
  readonly simpleName: string;
  readonly tag: string;
  readonly make: (value: T) => Literal;
}

export function exactPrimitiveCodec<T>(desc: TypeDesc, spec: ExactPrimitive<T>): Codec {
  const { typeOf, primitive } = spec;
  const expected = `a ${typeOf}`;
  const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
    typeof v === typeOf
      ? v
      : cx.fail(
          ErrorCode.typeMismatch,
          msg.expected(`a msgpack ${typeOf}`, describeValue(v)),
          `msgpack ${typeOf}`,
          describeValue(v),
        );
  const onPrimitive = (p: PrimitiveValue): unknown => (p.case === primitive ? p.value : NO_MATCH);
  return {
    desc,
    literalType: spec.literalType,
    tag: spec.tag,
    toLiteral(value, cx) {
      if (typeof value !== typeOf) {
        return cx.fail(
          ErrorCode.typeMismatch,
          msg.expected(expected, describeValue(value)),
          typeOf,
          describeValue(value),
        );
      }
      return spec.make(value as T);
    },
    toValue: (literal, cx) => readPrimitive(literal, cx, spec.simpleName, onPrimitive, fromPlain),
    fromPlain,
  };
}
