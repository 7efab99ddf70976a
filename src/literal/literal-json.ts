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
} from "./model.js";

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

export const literalToJson = (literal: Literal): JsonValue => toJson(LiteralSchema, literal);
export const literalFromJson = (json: JsonValue): Literal => parse("a Literal", () => fromJson(LiteralSchema, json));
export const literalMapToJson = (map: LiteralMap): JsonValue => toJson(LiteralMapSchema, map);
export const literalMapFromJson = (json: JsonValue): LiteralMap =>
  parse("a LiteralMap", () => fromJson(LiteralMapSchema, json));
export const literalTypeToJson = (type: LiteralType): JsonValue => toJson(LiteralTypeSchema, type);
export const literalTypeFromJson = (json: JsonValue): LiteralType =>
  parse("a LiteralType", () => fromJson(LiteralTypeSchema, json));
export const typedInterfaceToJson = (i: TypedInterface): JsonValue => toJson(TypedInterfaceSchema, i);
export const typedInterfaceFromJson = (json: JsonValue): TypedInterface =>
  parse("a TypedInterface", () => fromJson(TypedInterfaceSchema, json));
