// Random schemas the engine supports, nested through fc.letrec, so the engine is tested on shapes nobody wrote by
// hand. Union variants take no value alike: a value two variants take is refused as ambiguous, as flytekit does.
import fc from "fast-check";
import { z } from "zod";
import type { DescOf, Kind, TypeDesc } from "../codec/descriptor.js";
import type { TypeEngine } from "../engine/engine.js";
import { createTypeEngine } from "../index.js";
import { dataclass, duration, timestamp } from "../schemas.js";

/** How `arbitrarySchema` generates schemas. */
export interface SchemaOptions {
  /** How deep containers nest; default 3. */
  readonly maxDepth?: number;
  /** The engine that describes union variants to keep them apart; default a fresh one. */
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

/**
 * The sorts of JS value a type accepts. Two union variants whose sorts meet take some value alike (1 fits
 * z.int() and z.literal(1), {} fits every map and every record of optional fields), and such a value is refused
 * as ambiguous, as flytekit refuses it; random unions keep their variants apart by sort.
 */
const SORTS: { readonly [K in Kind]: (d: DescOf<K>) => readonly string[] } = {
  // Integers are taken as number or bigint by either representation.
  int: () => ["number"],
  float: () => ["number"],
  string: () => ["string"],
  bool: () => ["boolean"],
  // Inside records times are written as ISO strings (and dataclass durations as float seconds), which read back
  // as values a string (or number) variant takes too.
  datetime: () => ["datetime", "string"],
  duration: () => ["duration", "number", "string"],
  none: () => ["none"],
  list: () => ["list"],
  map: () => ["object"],
  struct: () => ["object"],
  union: (d) => d.variants.flatMap(sortsOf),
  enum: () => ["string"],
  untyped: () => ["*"],
  literal: (d) => [d.base === "string" ? "string" : d.base === "bool" ? "boolean" : "number"],
  hashed: (d) => sortsOf(d.inner),
  file: () => ["file"],
  directory: () => ["directory"],
  dataset: () => ["dataset"],
  custom: (d) => [`custom:${d.transformer.name}`],
  // A registered type's values are its own class's; what a z.codec's decode returns can be anything.
  mapped: (d) => (d.mapped === undefined ? ["*"] : [`custom:${d.name}`]),
};

function sortsOf(d: TypeDesc): readonly string[] {
  return (SORTS[d.kind] as (d: TypeDesc) => readonly string[])(d);
}

const FILLERS = [
  () => z.string(),
  () => z.boolean(),
  () => z.number(),
  () => duration(),
  () => z.date(),
  () => z.array(z.int()),
  () => z.record(z.string(), z.int()),
];

/** Random supported zod schemas: scalars, enums, value sets, lists, maps, records (both styles), unions, optionals. */
export function arbitrarySchema(options: SchemaOptions = {}): fc.Arbitrary<z.ZodType> {
  const engine = options.engine ?? createTypeEngine();
  const sorts = (s: z.ZodType) => sortsOf(engine.describe(s).desc);
  /** Variants that take no value alike, in order: a variant meeting an earlier one is dropped. */
  const distinct = (variants: z.ZodType[]) => {
    const taken = new Set<string>();
    const out: z.ZodType[] = [];
    for (const v of variants) {
      const mine = sorts(v);
      if (mine.includes("*") || mine.some((x) => taken.has(x))) continue;
      for (const x of mine) taken.add(x);
      out.push(v);
    }
    return out;
  };
  // Drawn variants often meet (at the depth limit fc.oneof draws only its first, z.int()): variants of other sorts
  // are added rather than the draw filtered, which could reject forever.
  const variantsOf = (drawn: z.ZodType[]) => {
    const kept = distinct(drawn);
    return kept.length >= 2 ? kept : distinct([...kept, ...FILLERS.map((make) => make())]).slice(0, 2);
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
        .map((vs) => z.union(variantsOf(vs) as [z.ZodType, z.ZodType, ...z.ZodType[]])),
    ),
  }));
  return schema;
}
