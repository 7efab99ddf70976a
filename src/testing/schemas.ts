// Random schemas the engine supports, nested through fc.letrec, so the engine is tested on shapes nobody wrote by
// hand. Union variants have distinct LiteralTypes: variants Flyte cannot tell apart are not one union in any SDK.
import fc from "fast-check";
import { z } from "zod";
import type { TypeEngine } from "../engine.js";
import { createTypeEngine } from "../index.js";
import { literalTypeKey } from "../literal-types.js";
import { dataclass, duration, timestamp } from "../schemas.js";

export interface SchemaOptions {
  /** How deep containers nest; default 3. */
  readonly maxDepth?: number;
  /** The engine whose LiteralTypes keep union variants apart; default a fresh one. */
  readonly engine?: TypeEngine;
}

const fieldName = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,9}$/);

const leaves: fc.Arbitrary<z.ZodType>[] = [
  fc.constant(null).map(() => z.int()),
  fc.constant(null).map(() => z.bigint()),
  fc.constant(null).map(() => z.number()),
  fc.constant(null).map(() => z.string()),
  fc.constant(null).map(() => z.boolean()),
  fc.constant(null).map(() => z.date()),
  fc.constant(null).map(() => timestamp()),
  fc.constant(null).map(() => duration()),
  fc.constant(null).map(() => z.null()),
  fc.constant(null).map(() => z.unknown()),
  fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 })
    .map((v) => z.enum(v as [string, ...string[]])),
  fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 3 }).map((v) => z.literal(v)),
  // Bounded leaves: the arbitraries honour the checks.
  fc.tuple(fc.integer({ min: -100, max: 100 }), fc.nat(50)).map(([lo, span]) =>
    z
      .int()
      .min(lo)
      .max(lo + span),
  ),
  fc.nat(5).map((n) =>
    z
      .string()
      .min(n)
      .max(n + 5),
  ),
];

/** Random supported zod schemas: scalars, enums, value sets, lists, maps, records (both styles), unions, optionals. */
export function arbitrarySchema(options: SchemaOptions = {}): fc.Arbitrary<z.ZodType> {
  const engine = options.engine ?? createTypeEngine();
  const key = (s: z.ZodType) => literalTypeKey(engine.literalType(s));
  /** Variants whose LiteralTypes differ, in order: the first of each type stays. */
  const distinct = (variants: z.ZodType[]) => {
    const seen = new Set<string>();
    return variants.filter((v) => !seen.has(key(v)) && (seen.add(key(v)), true));
  };
  const { schema } = fc.letrec<{ schema: z.ZodType }>((tie) => ({
    schema: fc.oneof(
      { depthSize: "small", maxDepth: options.maxDepth ?? 3, withCrossShrink: true },
      ...leaves,
      tie("schema").map((s) => z.array(s)),
      tie("schema").map((s) => z.record(z.string(), s)),
      tie("schema").map((s) => z.record(z.int(), s)),
      tie("schema").map((s) => s.optional()),
      tie("schema").map((s) => s.nullable()),
      fc
        .tuple(
          fc.uniqueArray(fc.tuple(fieldName, tie("schema"), fc.boolean()), {
            maxLength: 5,
            selector: ([name]) => name,
          }),
          fc.boolean(),
        )
        .map(([fields, asDataclass]) => {
          const shape = Object.fromEntries(fields.map(([n, s, optional]) => [n, optional ? s.optional() : s]));
          return asDataclass ? dataclass(z.object(shape)) : z.object(shape);
        }),
      fc
        .array(tie("schema"), { minLength: 2, maxLength: 3 })
        .map((vs) => distinct(vs))
        .filter((vs) => vs.length >= 2)
        .map((vs) => z.union(vs as [z.ZodType, z.ZodType, ...z.ZodType[]])),
    ),
  }));
  return schema;
}
