// The compiled form of a type: its LiteralType and the synchronous conversions of one value.
import type { z } from "zod";
import type { Literal, LiteralType } from "../literal/model.js";
import type { JsonObject, SchemaGen } from "../msgpack/json-schema.js";
import type { MsgpackWriter } from "../msgpack/msgpack-writer.js";
import type { ConvertContext, Invalid } from "./context.js";
import type { DescOf, Kind, TypeDesc } from "./descriptor.js";

/**
 * A compiled type: its LiteralType and the conversions of one value, made once per descriptor by its kind's
 * handler. Conversions are synchronous and record failures on the context instead of throwing per element.
 */
export interface Codec {
  /** The descriptor this codec was compiled from. */
  readonly desc: TypeDesc;
  /** Shared, never mutated; the engine hands out clones. */
  readonly literalType: LiteralType;
  /** The union tag flytekit writes for this type (its Python transformer's name). */
  readonly tag: string;
  /** Writes a value as a literal; returns INVALID (with an issue recorded on `cx`) when it does not fit. */
  toLiteral(value: unknown, cx: ConvertContext): Literal | Invalid;
  /** Reads a literal into a value; returns INVALID (with an issue recorded on `cx`) when it does not fit. */
  toValue(literal: Literal, cx: ConvertContext): unknown;
  /**
   * Reads a msgpack-decoded value: what Flyte hands a task when it accesses an attribute of a struct
   * (`Binary{tag: "msgpack"}` in place of a primitive, list or map literal).
   */
  fromPlain(value: unknown, cx: ConvertContext): unknown;
  /** Writes a value as msgpack, as it sits inside a record; returns INVALID (with an issue) when it does not fit. */
  pack(value: unknown, w: MsgpackWriter, cx: ConvertContext): Invalid | undefined;
  /** The JSON Schema of the value inside a record, in the generator's style. */
  jsonSchema(g: SchemaGen): JsonObject;
}

/** Compiles a nested descriptor (cached by the engine). */
export type CompileChild = (desc: TypeDesc) => Codec;

/** Guesses a schema for a nested LiteralType (used by container guessers). */
export type GuessChild = (lt: LiteralType) => z.ZodType;

/** One built-in kind: how its descriptors compile into codecs, and which LiteralTypes it guesses a schema for. */
export interface KindHandler<K extends Kind> {
  /** Makes the codec of one descriptor of this kind; `child` compiles the descriptors nested in it. */
  readonly compile: (desc: DescOf<K>, child: CompileChild) => Codec;
  /** Which LiteralTypes `guessType` answers with this kind, and the schema it guesses; none for kinds never guessed. */
  readonly guess?: KindGuess;
}

export interface KindGuess {
  /** `literalTypeKey`s this kind answers for. */
  readonly keys: readonly string[];
  /** The zod schema guessed for a LiteralType with one of those keys; `child` guesses the nested types. */
  readonly schema: (lt: LiteralType, child: GuessChild) => z.ZodType;
}

/** A handler for every kind: the compiler refuses a table that misses one. */
export type KindTable = { readonly [K in Kind]: KindHandler<K> };
