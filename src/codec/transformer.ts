// The contract for user types: a transformer converts one class (or one zod schema) to and from literals.
import type * as FastCheck from "fast-check";
import type { z } from "zod";
import type { Literal, LiteralType } from "../literal/model.js";

// biome-ignore lint/suspicious/noExplicitAny: a class key of any constructor signature
export type Class<T = unknown> = abstract new (...args: any[]) => T;

/** What a transformer is registered for: values that are `instanceof` a class, or a zod schema used by identity. */
export type TransformerKey = Class | z.ZodType;

export interface Transformer<T> {
  /** The union tag written for this type, and the name errors use. Python reads union values by this tag. */
  readonly name: string;
  readonly type: TransformerKey;
  readonly literalType: LiteralType;
  /** Converts a value (already checked to be of `type`); throw to refuse it — the error becomes an issue. */
  toLiteral(value: T): Literal;
  toValue(literal: Literal): T;
  /** Whether a LiteralType denotes this type, so `guessType` can answer with it. */
  guess?(literalType: LiteralType): boolean;
  /** The value as plain msgpack data (JSON-like, bigints, Uint8Arrays), so the type can sit inside records. */
  toMsgpack?(value: T): unknown;
  /** The inverse of toMsgpack, for the decoded msgpack value. */
  fromMsgpack?(plain: unknown): T;
  /** The JSON Schema of the msgpack form, for records that hold this type (default `{}`, any value). */
  readonly jsonSchema?: object;
  /**
   * Values of this type for property tests (`flyte-types/testing`), built with the fast-check it is given. A
   * transformer without one can still be tested by passing an arbitrary to `checkTransformer`.
   */
  arbitrary?(fc: typeof FastCheck): FastCheck.Arbitrary<T>;
  /** Whether two values are the same value; default: objects of one class with deeply equal own fields. */
  equals?(a: T, b: T): boolean;
}
