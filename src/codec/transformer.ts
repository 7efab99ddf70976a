// The contract for user types: a transformer converts one class (or one zod schema) to and from literals.
import type { z } from "zod";
import type { Literal, LiteralType } from "../literal/model.js";

/** Any class (abstract ones too) whose instances are `T`: a transformer's key, or a `TypeSpec`. */
// biome-ignore lint/suspicious/noExplicitAny: a class key of any constructor signature
export type Class<T = unknown> = abstract new (...args: any[]) => T;

/** What a transformer is registered for: values that are `instanceof` a class, or a zod schema used by identity. */
export type TransformerKey = Class | z.ZodType;

/**
 * A user type with its own literal form, registered with `engine.register(...)`: the engine calls it for values of
 * `type` wherever they sit (fields, lists, unions). Prefer a `MappedType` when the type can travel as a schema Flyte
 * already knows.
 */
export interface Transformer<T> {
  /** The union tag written for this type, and the name errors use. Python reads union values by this tag. */
  readonly name: string;
  /** The values it converts: `instanceof` this class, or parsed by this zod schema. */
  readonly type: TransformerKey;
  /** The LiteralType of its literals; `guessType` answers with `type` for a castable LiteralType tagged `name`. */
  readonly literalType: LiteralType;
  /** Converts a value (already checked to be of `type`); throw to refuse it — the error becomes an issue. */
  toLiteral(value: T): Literal;
  /** Reads a literal of `literalType` back into a value; throw to refuse it — the error becomes an issue. */
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
  // Typed loosely here so that the package's root types do not need fast-check (an optional peer dependency of
  // flyte-types/testing only): `fc` is fast-check's module and the result a `fc.Arbitrary<T>`; the testing
  // entry's `TestableTransformer<T>` states exactly that.
  // biome-ignore lint/suspicious/noExplicitAny: fast-check's module, typed by flyte-types/testing
  arbitrary?(fc: any): unknown;
  /** Whether two values are the same value; default: objects of one class with deeply equal own fields. */
  equals?(a: T, b: T): boolean;
}

/**
 * A type of yours described by its wire form: a schema Flyte already knows (a record, a primitive, a list…) and the
 * two functions between your values and values of that schema. Everything else follows from the schema, byte for
 * byte: the LiteralType, the literal, the msgpack and JSON Schema inside records, union tags, `guessType` and the
 * testing kit's values. Register it with `engine.register(...)`.
 *
 * ```ts
 * engine.register({
 *   name: "Money",
 *   type: Money,
 *   wire: dataclass(z.object({ amount: z.bigint(), currency: z.string() }).meta({ title: "Money" })),
 *   toWire: (m) => ({ amount: m.amount, currency: m.currency }),
 *   fromWire: (w) => new Money(w.amount, w.currency),
 * });
 * ```
 */
export interface MappedType<T, S extends z.ZodType = z.ZodType> {
  /** The name errors use. */
  readonly name: string;
  /** Your values: `instanceof` a class, or a zod schema used by identity (as a transformer's `type`). */
  readonly type: Class<T> | z.ZodType<T>;
  /** The wire form: any schema the engine converts, written exactly as a value of it would be. */
  readonly wire: S;
  /** Your value as a value of the wire schema; throw to refuse it (the error becomes an issue with a path). */
  toWire(value: T): z.input<S> | z.output<S>;
  /** A value of the wire schema (already converted and checked) as your value. */
  fromWire(wire: z.output<S>): T;
  /** Whether two values are the same value, for the testing kit; default: deeply equal own fields. */
  equals?(a: T, b: T): boolean;
}

/** What a registry holds: a transformer with its own literal form, or a type mapped onto a wire schema. */
/** A mapped type over any wire schema (each registration is type-checked where it is written). */
// biome-ignore lint/suspicious/noExplicitAny: the wire schema's own type is the registration's business
export type AnyMappedType = MappedType<unknown, any>;

/** What a registry holds: a transformer with its own literal form, or a type mapped onto a wire schema. */
export type Registration = Transformer<unknown> | AnyMappedType;

export const isMappedType = (r: Registration): r is AnyMappedType => "wire" in r;
