// flyteidl messages ⇄ protobuf's canonical JSON (int64 as strings, bytes as base64, enum names), so that a literal
// can be printed, logged or stored as text without reaching for @bufbuild/protobuf. `flyte-types inspect` is the
// readable form (msgpack decoded); this is the exact one, which reads back.
import { fromJson, type JsonValue, toJson } from "@bufbuild/protobuf";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import {
  type Literal,
  type LiteralMap,
  LiteralMapSchema,
  LiteralSchema,
  type LiteralType,
  LiteralTypeSchema,
  type TypedInterface,
  TypedInterfaceSchema,
} from "./descriptors.js";

export type { JsonValue } from "@bufbuild/protobuf";

/** JSON that is not the message is a typed `decode_failed` error naming the message and the reason. */
function parse<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    return fail(ErrorCode.decodeFailed, msg.badJson(what, e instanceof Error ? e.message : String(e)), {
      root: "json",
      expected: `${what} JSON`,
      cause: e,
    });
  }
}

/** A Literal as protobuf's canonical JSON (int64 as strings, bytes as base64, enum names); `literalFromJson` reads it. */
export const literalToJson = (literal: Literal): JsonValue => toJson(LiteralSchema, literal);
/** A Literal from its canonical JSON; JSON that is not one throws `decode_failed`. */
export const literalFromJson = (json: JsonValue): Literal => parse("a Literal", () => fromJson(LiteralSchema, json));
/** A LiteralMap as protobuf's canonical JSON (int64 as strings, bytes as base64, enum names); `literalMapFromJson` reads it. */
export const literalMapToJson = (map: LiteralMap): JsonValue => toJson(LiteralMapSchema, map);
/** A LiteralMap from its canonical JSON; JSON that is not one throws `decode_failed`. */
export const literalMapFromJson = (json: JsonValue): LiteralMap =>
  parse("a LiteralMap", () => fromJson(LiteralMapSchema, json));
/** A LiteralType as protobuf's canonical JSON (int64 as strings, bytes as base64, enum names); `literalTypeFromJson` reads it. */
export const literalTypeToJson = (type: LiteralType): JsonValue => toJson(LiteralTypeSchema, type);
/** A LiteralType from its canonical JSON; JSON that is not one throws `decode_failed`. */
export const literalTypeFromJson = (json: JsonValue): LiteralType =>
  parse("a LiteralType", () => fromJson(LiteralTypeSchema, json));
/** A TypedInterface as protobuf's canonical JSON (int64 as strings, bytes as base64, enum names); `typedInterfaceFromJson` reads it. */
export const typedInterfaceToJson = (i: TypedInterface): JsonValue => toJson(TypedInterfaceSchema, i);
/** A TypedInterface from its canonical JSON; JSON that is not one throws `decode_failed`. */
export const typedInterfaceFromJson = (json: JsonValue): TypedInterface =>
  parse("a TypedInterface", () => fromJson(TypedInterfaceSchema, json));
