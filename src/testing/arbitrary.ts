// fast-check arbitraries derived from compiled descriptors: one generator per kind, in a table the compiler
// checks for every kind. Leaves honour their zod checks; what a generator cannot honour is filtered by zod.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type * as core from "zod/v4/core";
import type { DescOf, Kind, TypeDesc } from "../codec/descriptor.js";
import { checksOf } from "../codec/zod-reader.js";
import { ArrowTable } from "../dataset/frame.js";
import { StructuredDataset } from "../dataset/structured-dataset.js";
import { sourceOf, type TypeSpec } from "../engine/compile.js";
import type { TypeEngine } from "../engine/engine.js";
import { createTypeEngine } from "../index.js";
import { FlyteDirectory, FlyteFile } from "../values/files.js";
import {
  DURATION_MAX_SECONDS,
  normalizeDuration,
  TIMESTAMP_MAX_SECONDS,
  TIMESTAMP_MIN_SECONDS,
} from "../values/time.js";
import { arrowTableOf } from "./arrow.js";
import { bigintArbitrary, floatArbitrary, fullyConstrained, intArbitrary, stringArbitrary } from "./constraints.js";

/** How values are generated from a type. */
export interface ArbitraryOptions {
  /** Arbitraries for custom types by transformer name, for transformers without their own `arbitrary`. */
  readonly custom?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Most elements in a generated list, map or directory; default 4. */
  readonly maxLength?: number;
  /** Where generated files and directories are written before upload; default a fresh directory under the OS temp. */
  readonly scratchDir?: string;
}

interface Ctx {
  readonly options: ArbitraryOptions;
  readonly maxLength: number;
  scratch: string | undefined;
  /** Inside msgpack (a record, an int-keyed map): times keep microseconds there, as Python's do. */
  readonly packed: boolean;
}

type Gen<K extends Kind> = (
  desc: DescOf<K>,
  cx: Ctx,
  child: (d: TypeDesc) => fc.Arbitrary<unknown>,
  packedChild: (d: TypeDesc) => fc.Arbitrary<unknown>,
) => fc.Arbitrary<unknown>;

/** Nanoseconds as the context keeps them: whole microseconds inside msgpack. */
const nanos = (cx: Ctx, min: number) =>
  cx.packed
    ? fc.integer({ min: min / 1000, max: 999_999 }).map((us) => us * 1000)
    : fc.integer({ min, max: 999_999_999 });

const scratchDir = (cx: Ctx): string => {
  cx.scratch ??= cx.options.scratchDir ?? mkdtempSync(join(tmpdir(), "flyte-arb-"));
  return cx.scratch;
};
let fileCounter = 0;
const freshPath = (cx: Ctx, name: string) => join(scratchDir(cx), `${process.pid}-${fileCounter++}-${name}`);

/**
 * Map keys, except `__proto__`: the expected value of a round trip is zod's parse, which assigns keys and so
 * would set the prototype instead (the engine keeps the key as data; its own tests cover that).
 */
const keyOf = (keys: fc.Arbitrary<string>) => keys.filter((k) => k !== "__proto__");

const GENERATORS: { readonly [K in Kind]: Gen<K> } = {
  int: (d) => (d.repr === "bigint" ? bigintArbitrary(sourceOf(d)) : intArbitrary(sourceOf(d))),
  float: (d) => floatArbitrary(sourceOf(d)),
  string: (d) => stringArbitrary(sourceOf(d)),
  bool: () => fc.boolean(),
  datetime: (d, cx) =>
    d.repr === "date"
      ? fc.date({
          min: new Date("0001-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        })
      : fc.record({
          seconds: fc.bigInt({ min: TIMESTAMP_MIN_SECONDS, max: TIMESTAMP_MAX_SECONDS }),
          nanos: nanos(cx, 0),
        }),
  duration: (_d, cx) =>
    fc
      .tuple(
        // A dataclass record keeps float seconds: spans up to ~3 years keep their microseconds there.
        cx.packed
          ? fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n })
          : fc.bigInt({ min: -DURATION_MAX_SECONDS, max: DURATION_MAX_SECONDS }),
        nanos(cx, 0),
        fc.boolean(),
      )
      // nanos carry the sign of seconds; at zero seconds either sign is a valid duration.
      .map(([s, n, neg]) => normalizeDuration(s, s < 0n || (s === 0n && neg) ? -n : n)),
  none: (d) => fc.constant(d.repr === "null" ? null : undefined),
  list: (d, cx, child) => fc.array(child(d.element), { maxLength: cx.maxLength }),
  map: (d, cx, child, packedChild) =>
    fc.dictionary(
      d.keys === "int" ? fc.maxSafeInteger().map(String) : keyOf(fc.string({ unit: "binary", maxLength: 8 })),
      (d.msgpack ? packedChild : child)(d.value),
      { maxKeys: cx.maxLength, noNullPrototype: true },
    ),
  union: (d, _cx, child) => fc.oneof(...d.variants.map(child)),
  enum: (d) => fc.constantFrom(...d.values),
  struct: (d, _cx, _child, packedChild) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of d.fields) model[f.name] = packedChild(f.type);
    const required = d.fields.filter((f) => !f.optional).map((f) => f.name);
    return fc.record(model, { requiredKeys: required, noNullPrototype: true });
  },
  untyped: (d, cx) =>
    d.shape === "object" ? fc.dictionary(keyOf(fc.string()), json(cx), { noNullPrototype: true }) : json(cx),
  literal: (d) => fc.constantFrom(...d.values),
  hashed: (d, _cx, child) => child(d.inner),
  file: (d, cx) =>
    fc.uint8Array({ maxLength: 256 }).map((bytes) => {
      const path = freshPath(cx, "data.bin");
      writeFileSync(path, bytes);
      return new FlyteFile(path, { format: d.format });
    }),
  directory: (d, cx) =>
    fc
      .dictionary(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.uint8Array({ maxLength: 64 }), {
        minKeys: 1,
        maxKeys: cx.maxLength,
      })
      .map((files) => {
        const dir = freshPath(cx, "dir");
        mkdirSync(dir);
        for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
        return new FlyteDirectory(dir, { format: d.format });
      }),
  dataset: (d) => arrowTableOf(d.columns).map((t) => StructuredDataset.from(ArrowTable, t)),
  custom: (d, cx) => {
    const t = d.transformer;
    const given = cx.options.custom?.[t.name] ?? (t.arbitrary?.(fc) as fc.Arbitrary<unknown> | undefined);
    if (given === undefined) {
      throw new Error(
        `no arbitrary for the custom type ${JSON.stringify(t.name)}: give its transformer an \`arbitrary(fc)\`, or pass one as options.custom[${JSON.stringify(t.name)}]`,
      );
    }
    return given as fc.Arbitrary<unknown>;
  },
  // Values of the wire schema made into the user's values; wire values its fromWire (or checks) refuse are skipped.
  mapped: (d, _cx, child) =>
    child(d.inner)
      .filter((w) => (d.check?.(w).length ?? 0) === 0)
      .map((w) => {
        try {
          return { ok: true as const, value: d.fromWire(w) };
        } catch {
          return { ok: false as const, value: undefined };
        }
      })
      .filter((r) => r.ok)
      .map((r) => r.value),
};

/** JSON-like data as untyped fields carry it: -0 and integral floats are numbers like any other. */
const json = (cx: Ctx): fc.Arbitrary<unknown> =>
  fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
      fc.string({ unit: "binary" }),
      fc.array(tie("v"), { maxLength: cx.maxLength }),
      fc.dictionary(keyOf(fc.string({ unit: "binary" })), tie("v"), { maxKeys: cx.maxLength, noNullPrototype: true }),
    ),
  })).v;

/** Arbitrary values of a compiled descriptor. */
export function arbitraryOfDesc(desc: TypeDesc, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const base = { options, maxLength: options.maxLength ?? 4, scratch: undefined };
  const plain: Ctx = { ...base, packed: false };
  const packed: Ctx = { ...base, packed: true };
  const memo = new Map<TypeDesc, fc.Arbitrary<unknown>>();
  const packedMemo = new Map<TypeDesc, fc.Arbitrary<unknown>>();
  const make = (d: TypeDesc, cx: Ctx): fc.Arbitrary<unknown> => {
    const cache = cx.packed ? packedMemo : memo;
    let a = cache.get(d);
    if (a === undefined) {
      const gen = GENERATORS[d.kind] as Gen<Kind>;
      a = gen(
        d as never,
        cx,
        (x) => make(x, cx),
        (x) => make(x, packed),
      );
      // A check the generator does not honour (a refinement, an unknown format) is applied by zod itself.
      const source = sourceOf(d);
      if (source !== undefined && checksOf(source).length > 0 && !fullyConstrained(source)) {
        a = a.filter(refusedAtMost(MAX_REFUSED, d.kind, (v) => accepts(source, v)));
      }
      cache.set(d, a);
    }
    return a;
  };
  return make(desc, plain);
}

/** Generated values a refinement may refuse in a row before the kit gives up on it. */
const MAX_REFUSED = 1000;

/**
 * The predicate, which throws once it has refused `max` values in a row: fast-check would otherwise retry a
 * refinement the generator almost never satisfies (`v === 12345`) forever.
 */
function refusedAtMost(max: number, kind: string, ok: (v: unknown) => boolean): (v: unknown) => boolean {
  let refused = 0;
  return (v) => {
    if (ok(v)) {
      refused = 0;
      return true;
    }
    if (++refused < max) return false;
    throw new Error(
      `arbitraryOf: a check on this ${kind} refused ${max} generated values in a row, so values cannot be found by ` +
        "filtering; pass values of your own (the `arbitrary` option of assertRoundTrip)",
    );
  };
}

const accepts = (s: core.$ZodType, v: unknown): boolean => {
  const r = s["~standard"].validate(v);
  return !(r instanceof Promise) && r.issues === undefined;
};

/**
 * Arbitrary values of a type the engine supports: every zod kind it maps, records, unions, optionals, enums,
 * bigints, timestamps and durations over their whole range, files, directories and datasets (written to a scratch
 * directory and uploaded when converted), and custom types through their transformer's `arbitrary`.
 */
export function arbitraryOf<T = unknown>(
  spec: TypeSpec,
  options: ArbitraryOptions & { readonly engine?: TypeEngine } = {},
): fc.Arbitrary<T> {
  const engine = options.engine ?? createTypeEngine();
  return arbitraryOfDesc(engine.describe(spec).desc, options) as fc.Arbitrary<T>;
}
