// Round-trip properties a type must pass: value → literal → bytes → literal → value gives the same value, the
// literal's bytes are stable, and the type guessed from its LiteralType reads the literal. A failure names the
// generated value (fast-check's shrunk counterexample, with its seed) and where the result differs.
import fc from "fast-check";
import { type ZodType, z } from "zod";
import type { TypeDesc } from "../codec/descriptor.js";
import type { Transformer } from "../codec/transformer.js";
import { isZodSchema } from "../codec/zod-reader.js";
import type { TypeSpec } from "../engine/compile.js";
import type { TypeEngine } from "../engine/engine.js";
import { createTypeEngine } from "../index.js";
import type { LiteralType } from "../literal/model.js";
import { decodeLiteral, encodeLiteral } from "../literal/wire.js";
import { type ArbitraryOptions, arbitraryOfDesc } from "./arbitrary.js";
import { difference } from "./equivalent.js";
import { misfit } from "./fits.js";

/** How `assertRoundTrip` generates and checks values. */
export interface RoundTripOptions extends ArbitraryOptions {
  /** Values to try; default 100. */
  readonly numRuns?: number;
  /** Replays a reported failure. */
  readonly seed?: number;
  /** Replays a reported failure straight to its shrunk value: the `path` of a `RoundTripError`, with its `seed`. */
  readonly path?: string;
  /** Values to use instead of those derived from the type. */
  readonly arbitrary?: fc.Arbitrary<unknown>;
  /** Also read every literal back through `engine.guessType(literalType)`; default true. */
  readonly guess?: boolean;
}

const isZod = (s: TypeSpec): s is ZodType => isZodSchema(s);

/** What zod makes of a value (defaults filled in, unknown keys stripped): what reading it back should give. */
function expectedOf(spec: TypeSpec, value: unknown): unknown {
  if (!isZod(spec)) return value;
  const r = spec.safeParse(value);
  return r.success ? r.data : value;
}

const handles = new Set(["file", "directory", "dataset"]);

/** What every value of one type is checked against, worked out once per type rather than per value. */
interface Subject {
  readonly spec: TypeSpec;
  readonly desc: TypeDesc;
  readonly literalType: LiteralType;
  /** No handles inside: handles are written to fresh locations, so only pure values have one literal per value. */
  readonly pure: boolean;
  readonly guessed: TypeSpec | undefined;
}

function subjectOf(engine: TypeEngine, spec: TypeSpec, guess: boolean): Subject {
  const { desc } = engine.describe(spec);
  const literalType = engine.literalType(spec);
  return {
    spec,
    desc,
    literalType,
    pure: !containsKind(desc, handles),
    guessed: guess ? engine.guessType(literalType) : undefined,
  };
}

/** One value through the engine and the wire; throws an Error saying what differs. */
async function checkOne(engine: TypeEngine, s: Subject, value: unknown): Promise<void> {
  const literal = await engine.toLiteral(value as never, s.spec);
  const wrong = misfit(literal, s.literalType);
  if (wrong !== undefined) throw new Error(`the literal does not fit the type's LiteralType: ${wrong}`);
  const bytes = encodeLiteral(literal, { deterministic: true });
  const again = encodeLiteral(decodeLiteral(bytes), { deterministic: true });
  if (!Buffer.from(bytes).equals(Buffer.from(again))) {
    throw new Error("the literal's deterministic bytes change after a decode and re-encode");
  }
  const back = await engine.toValue(decodeLiteral(bytes), s.spec);
  const diff = await difference(s.desc, expectedOf(s.spec, value), back);
  if (diff !== undefined) throw new Error(`the value read back differs ${diff}`);
  if (s.pure) {
    const second = encodeLiteral(await engine.toLiteral(value as never, s.spec), { deterministic: true });
    if (!Buffer.from(bytes).equals(Buffer.from(second))) throw new Error("the same value gave two different literals");
  }
  if (s.guessed !== undefined) await engine.toValue(decodeLiteral(bytes), s.guessed);
}

function containsKind(desc: TypeDesc, kinds: ReadonlySet<string>): boolean {
  if (kinds.has(desc.kind)) return true;
  switch (desc.kind) {
    case "list":
      return containsKind(desc.element, kinds);
    case "map":
      return containsKind(desc.value, kinds);
    case "union":
      return desc.variants.some((v) => containsKind(v, kinds));
    case "struct":
      return desc.fields.some((f) => containsKind(f.type, kinds));
    case "hashed":
      return containsKind(desc.inner, kinds);
    default:
      return false;
  }
}

/**
 * Checks `toValue(decode(encode(toLiteral(v)))) ≅ v` for values generated from `spec` (or `options.arbitrary`),
 * that the literal's bytes are stable, and that `guessType(literalType(spec))` reads every literal. Rejects with
 * fast-check's report: the smallest failing value, its seed and what differed.
 */
export async function assertRoundTrip(
  engine: TypeEngine,
  spec: TypeSpec,
  options: RoundTripOptions = {},
): Promise<void> {
  const subject = subjectOf(engine, spec, options.guess ?? true);
  const values = options.arbitrary ?? arbitraryOfDesc(subject.desc, options);
  const run = await fc.check(
    fc.asyncProperty(values, (v) => checkOne(engine, subject, v)),
    {
      numRuns: options.numRuns ?? 100,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.path === undefined ? {} : { path: options.path }),
    },
  );
  if (run.failed) throw new RoundTripError(run);
}

/** A failed round trip: the smallest failing value, what went wrong with it, and how to replay it. */
export class RoundTripError extends Error {
  /** The smallest failing value fast-check found (after shrinking). */
  readonly counterexample: unknown;
  /** The run's seed: pass it as `seed` (with `path`) to replay the failure. */
  readonly seed: number;
  /** fast-check's path to the counterexample: pass it as `path` to replay it without searching again. */
  readonly path: string | undefined;
  constructor(run: fc.RunDetails<[unknown]>) {
    const value = run.counterexample?.[0];
    const cause = run.errorInstance;
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `round trip failed after ${run.numRuns} value(s) for ${fc.stringify(value)}: ${why}\n` +
        `replay with { seed: ${run.seed}, path: ${JSON.stringify(run.counterexamplePath)} }`,
      { cause },
    );
    this.name = "RoundTripError";
    this.counterexample = value;
    this.seed = run.seed;
    this.path = run.counterexamplePath ?? undefined;
  }
}

/** How `checkTransformer` checks: the round-trip options, plus the engine to register into. */
export interface TransformerCheckOptions extends RoundTripOptions {
  /** The engine to register into; default a fresh one (the transformer is registered with `override`). */
  readonly engine?: TypeEngine;
}

/** A transformer whose `arbitrary` is typed with fast-check (the root entry types it loosely). */
export interface TestableTransformer<T> extends Transformer<T> {
  arbitrary?(fastCheck: typeof fc): fc.Arbitrary<T>;
}

/**
 * The checks a custom transformer must pass: its values round-trip alone, in a list, as an optional (a union
 * written with its tag) and, when it has a msgpack form, inside a record; each literal's type matches the
 * transformer's LiteralType; and a type guessed from that LiteralType (when `guess` is defined) reads them.
 * Values come from `options.arbitrary`, else the transformer's `arbitrary(fc)`; it throws when there are none.
 */
export async function checkTransformer<T>(
  transformer: TestableTransformer<T> | Transformer<T>,
  options: TransformerCheckOptions = {},
): Promise<void> {
  const engine = options.engine ?? createTypeEngine();
  engine.register(transformer, { override: true });
  const values =
    options.arbitrary ??
    (transformer.arbitrary?.(fc) as fc.Arbitrary<T> | undefined) ??
    options.custom?.[transformer.name];
  if (values === undefined) {
    throw new Error(`${transformer.name}: give the transformer an \`arbitrary(fc)\` or pass options.arbitrary`);
  }
  const spec = transformer.type as TypeSpec;
  const schema = isZod(spec) ? spec : z.instanceof(spec as never);
  const custom = { ...options.custom, [transformer.name]: values as fc.Arbitrary<unknown> };
  const shapes: [string, TypeSpec][] = [
    ["alone", spec],
    ["in a list", z.array(schema)],
    ["optional", schema.optional()],
  ];
  if (transformer.toMsgpack !== undefined && transformer.fromMsgpack !== undefined) {
    shapes.push(["in a record", z.object({ value: schema, n: z.int() })]);
  }
  const { arbitrary: _given, ...rest } = options;
  for (const [what, s] of shapes) {
    try {
      await assertRoundTrip(engine, s, {
        ...rest,
        custom,
        // Only the type itself is guessed back; a list or optional of it guesses through the same transformer.
        guess: what === "alone" && transformer.guess !== undefined && (options.guess ?? true),
        ...(what === "alone" ? { arbitrary: values as fc.Arbitrary<unknown> } : {}),
      });
    } catch (e) {
      throw new Error(`${transformer.name} ${what}: ${(e as Error).message}`, { cause: e });
    }
  }
}
