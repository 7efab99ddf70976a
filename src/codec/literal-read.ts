// Reading literals: the shapes a codec may receive for its type, and the checks every codec shares.

import { ErrorCode, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { describeLiteral, msg } from "../errors/messages.js";
import type { Literal, Primitive } from "../literal/model.js";
import { decodeMsgpack } from "../msgpack/msgpack-reader.js";
import { type ConvertContext, INVALID, type Invalid } from "./context.js";
import { trackFloats } from "./msgpack-wire.js";

export type PrimitiveValue = Primitive["value"];

/** The primitive of a scalar literal, or undefined. */
export function primitiveOf(literal: Literal): PrimitiveValue | undefined {
  const v = literal.value;
  if (v.case !== "scalar" || v.value.value.case !== "primitive") return undefined;
  return v.value.value.value.value;
}

/** Sentinel: the literal is not a msgpack binary. */
export const NOT_BINARY: unique symbol = Symbol("flyte-types.not-binary");

/**
 * If the literal is `scalar.binary`, its msgpack-decoded value (or INVALID with an issue for another tag or bad
 * bytes); NOT_BINARY otherwise. flytekit's transformers all accept a msgpack Binary this way. With `wireTypes`
 * (see needsWireTypes) the context learns which numbers inside were floats on the wire.
 */
export function binaryValueOf(
  literal: Literal,
  cx: ConvertContext,
  wireTypes = false,
): unknown | Invalid | typeof NOT_BINARY {
  const v = literal.value;
  if (v.case !== "scalar" || v.value.value.case !== "binary") return NOT_BINARY;
  const bin = v.value.value.value;
  if (bin.tag !== "msgpack") {
    return cx.fail(
      ErrorCode.invalidLiteral,
      msg.unsupportedBinary(bin.tag),
      'binary tagged "msgpack"',
      describeLiteral(literal),
    );
  }
  try {
    const value = decodeMsgpack(bin.value);
    if (wireTypes) {
      cx.wireFloats ??= new WeakMap();
      trackFloats(bin.value, value, cx.wireFloats);
    }
    return value;
  } catch (e) {
    if (!isFlyteTypeError(e)) throw e;
    return cx.fail(e.code, e.message, "msgpack bytes", describeLiteral(literal));
  }
}

/** Records a type mismatch between the expected literal shape and what came. */
export function literalMismatch(cx: ConvertContext, expected: string, literal: Literal): Invalid {
  const received = describeLiteral(literal);
  return cx.fail(ErrorCode.typeMismatch, msg.expected(expected, received), expected, received);
}

/** Reads `literal` as a msgpack binary through `fromPlain`, or as a primitive through `onPrimitive`. */
export function readPrimitive(
  literal: Literal,
  cx: ConvertContext,
  expected: string,
  onPrimitive: (p: PrimitiveValue, cx: ConvertContext) => unknown,
  fromPlain: (v: unknown, cx: ConvertContext) => unknown,
): unknown {
  const p = primitiveOf(literal);
  if (p !== undefined) {
    const out = onPrimitive(p, cx);
    return out === NO_MATCH ? literalMismatch(cx, expected, literal) : out;
  }
  const b = binaryValueOf(literal, cx);
  if (b === NOT_BINARY) return literalMismatch(cx, expected, literal);
  return b === INVALID ? INVALID : fromPlain(b, cx);
}

/** Returned by an `onPrimitive` callback that does not accept the primitive's case. */
export const NO_MATCH: unique symbol = Symbol("flyte-types.no-match");
