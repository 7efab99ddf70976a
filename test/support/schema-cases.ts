// Schema ids the interop cases name (test/python/cases.py) → zod schemas, and the neutral-value decoder.
import { z } from "zod";
import { dataclass, defaultFactory, duration, timestamp } from "../../src/index.js";

const color = z.enum(["red", "green", "blue"]);
const colorNames = z.enum(["RED", "GREEN", "BLUE"]);
const mode = z.enum(["fast", "exact"]);

const pInner = z.object({ x: z.int(), y: z.string().default("d") }).meta({ title: "PInner" });
const pEnum = (c: z.ZodEnum) => z.object({ c, cs: z.array(c) }).meta({ title: "PEnum" });
const dInner = z.object({ x: z.int(), y: z.string().default("d") }).meta({ title: "DInner" });
const dSimple = dataclass(
  z
    .object({ i: z.int(), f: z.number(), s: z.string(), b: z.boolean(), l: z.array(z.int()) })
    .meta({ title: "DSimple" }),
);
const da = dataclass(z.object({ a: z.int() }).meta({ title: "DA" }));

/** Records: pydantic models by default, dataclasses through dataclass(). */
const records: Record<string, z.ZodType> = {
  p_simple: z
    .object({ i: z.int(), f: z.number(), s: z.string(), b: z.boolean(), l: z.array(z.int()) })
    .meta({ title: "PSimple" }),
  p_nested: z
    .object({
      name: z.string(),
      inner: pInner,
      inners: z.array(pInner),
      by_key: z.record(z.string(), pInner),
    })
    .meta({ title: "PNested" }),
  p_opt: z.object({ a: z.int().nullable().optional(), inner: pInner.nullable().optional() }).meta({ title: "POpt" }),
  p_enum: pEnum(color.meta({ title: "Color" })),
  p_enum_names: pEnum(colorNames.meta({ title: "Color" })),
  p_time: z.object({ at: z.date(), took: duration() }).meta({ title: "PTime" }),
  p_misc: z
    .object({
      mode: z.literal(["a", "b"]),
      u: z.union([z.int(), z.string()]),
      d: z.record(z.string(), z.number()),
      raw: z.record(z.string(), z.unknown()),
      big: z.bigint(),
    })
    .meta({ title: "PMisc" }),
  d_simple: dSimple,
  d_nested: dataclass(z.object({ inner: dInner, items: z.array(dInner) }).meta({ title: "DNested" })),
  d_opt: dataclass(z.object({ a: z.int().nullable().optional() }).meta({ title: "DOpt" })),
  d_time: dataclass(z.object({ at: z.date(), took: duration() }).meta({ title: "DTime" })),
  d_int_keys: dataclass(z.object({ m: z.record(z.int(), z.string()) }).meta({ title: "DIntKeys" })),
  d_json: dataclass(z.object({ m: z.record(z.int(), z.string()) }).meta({ title: "DJson" })),
  untyped_dict: z.record(z.string(), z.unknown()),
  int_key_dict: z.record(z.int(), z.string()),
  literal_ab: z.literal(["a", "b"]),
  list_p_inner: z.array(pInner),
  opt_p_inner: pInner.nullable(),
  d_a_or_b: z.union([da, dataclass(z.object({ b: z.string() }).meta({ title: "DB" }))]),
  d_a_or_b_or_none: z.union([da, dataclass(z.object({ b: z.string() }).meta({ title: "DB" })), z.null()]),
  d_a_or_a2: z.union([da, dataclass(z.object({ a: z.int() }).meta({ title: "DA2" }))]),
};

export const schemas: Record<string, z.ZodType> = {
  ...records,
  int: z.int(),
  bigint: z.bigint(),
  float: z.number(),
  bool: z.boolean(),
  str: z.string(),
  date: z.date(),
  timestamp: timestamp(),
  duration: duration(),
  null: z.null(),
  list_int: z.array(z.int()),
  list_str: z.array(z.string()),
  list_float: z.array(z.number()),
  list_bool: z.array(z.boolean()),
  list_list_int: z.array(z.array(z.int())),
  list_list_str: z.array(z.array(z.string())),
  list_date: z.array(z.date()),
  list_opt_int: z.array(z.int().nullable()),
  list_str_or_int: z.array(z.union([z.string(), z.int()])),
  list_dict_int: z.array(z.record(z.string(), z.int())),
  dict_int: z.record(z.string(), z.int()),
  dict_str: z.record(z.string(), z.string()),
  dict_list_float: z.record(z.string(), z.array(z.number())),
  dict_dict_bool: z.record(z.string(), z.record(z.string(), z.boolean())),
  dict_opt_str: z.record(z.string(), z.string().nullable()),
  dict_duration: z.record(z.string(), duration()),
  opt_int: z.int().nullable(),
  opt_str: z.string().nullable(),
  opt_float: z.number().nullable(),
  opt_list_int: z.array(z.int()).nullable(),
  int_or_str: z.union([z.int(), z.string()]),
  int_or_float: z.union([z.int(), z.number()]),
  float_or_str: z.union([z.number(), z.string()]),
  list_int_or_str: z.union([z.array(z.int()), z.string()]),
  opt_dict_str: z.record(z.string(), z.string()).nullable(),
  int_or_bool: z.union([z.int(), z.boolean()]),
  date_or_str: z.union([z.date(), z.string()]),
  opt_duration: duration().nullable(),
  int_or_str_or_none: z.union([z.int(), z.string(), z.null()]),
  none_or_str: z.union([z.null(), z.string()]),
  color,
  color_names: colorNames,
  mode,
  list_color: z.array(color),
  list_color_names: z.array(colorNames),
  opt_mode: mode.nullable(),
};

// issue 17: JSON Schema forms — where mashumaro's and pydantic's schemas differ from each other, or in detail.
const intLike = z.enum({ A: "b", B: "1" }); // the object form keeps "b" before the integer-like "1"
const intLikeNames = z.enum(["A", "B"]);
const literalFields = { one: z.literal("a"), two: z.literal(["a", "b"]), num: z.literal(1) };
const noneOrder = { a: z.union([z.null(), z.int()]), b: z.union([z.int(), z.null(), z.string()]) };
const factoryFields = {
  n: z.int(),
  xs: defaultFactory(z.array(z.int()), () => []),
  m: defaultFactory(z.record(z.string(), z.int()), () => ({})),
};
Object.assign(schemas, {
  d_factory: dataclass(z.object(factoryFields).meta({ title: "DFactory" })),
  p_factory: z.object(factoryFields).meta({ title: "PFactory" }),
  d_literal: dataclass(
    z.object({ ...literalFields, opt: z.literal("x").nullable().optional() }).meta({ title: "DLiteral" }),
  ),
  p_literal: z.object(literalFields).meta({ title: "PLiteral" }),
  d_untyped: dataclass(z.object({ raw: z.record(z.string(), z.unknown()) }).meta({ title: "DUntyped" })),
  d_empty: dataclass(z.object({}).meta({ title: "DEmpty" })),
  p_empty: z.object({}).meta({ title: "PEmpty" }),
  d_int_like: dataclass(z.object({ e: intLike }).meta({ title: "DIntLike" })),
  p_int_like: z.object({ e: intLike.meta({ title: "IntLike" }) }).meta({ title: "PIntLike" }),
  p_int_like_names: z.object({ e: intLikeNames.meta({ title: "IntLike" }) }).meta({ title: "PIntLike" }),
  d_none_order: dataclass(z.object(noneOrder).meta({ title: "DNoneOrder" })),
  p_none_order: z.object(noneOrder).meta({ title: "PNoneOrder" }),
  opt_list_p_inner: z.array(pInner).nullable(),
  opt_dict_p_inner: z.record(z.string(), pInner).nullable(),
  int_like: intLike,
  int_like_names: intLikeNames,
});

// issue 17: value-level classes — untyped values inside maps, numbers whose msgpack form picks the union variant,
// non-finite floats in records zod validates, and the form Python gives Dict[int, T].
const untypedDict = z.record(z.string(), z.unknown());
const intOrFloat = z.union([z.int(), z.number()]);
const bigintOrFloat = z.union([z.bigint(), z.number()]);
const intOrTimedelta = z.union([z.int(), duration()]);
const intKeyFields = {
  m: z.record(z.int(), z.string()),
  n: z.record(z.int(), z.array(duration())).nullable().optional(),
};
Object.assign(schemas, {
  dict_untyped_dict: z.record(z.string(), untypedDict),
  str_or_dict_untyped_dict: z.union([z.string(), z.record(z.string(), untypedDict)]),
  p_dict_of_dicts: z.object({ dd: z.record(z.string(), untypedDict) }).meta({ title: "PDictOfDicts" }),
  p_int_or_float: z.object({ u: intOrFloat }).meta({ title: "PIntOrFloat" }),
  p_bigint_or_float: z.object({ u: bigintOrFloat }).meta({ title: "PIntOrFloat" }),
  d_int_or_float: dataclass(z.object({ u: intOrFloat }).meta({ title: "DIntOrFloat" })),
  d_bigint_or_float: dataclass(z.object({ u: bigintOrFloat }).meta({ title: "DIntOrFloat" })),
  p_numbers: z
    .object({ l: z.array(bigintOrFloat), m: z.record(z.string(), bigintOrFloat) })
    .meta({ title: "PNumbers" }),
  p_int_or_timedelta: z.object({ u: intOrTimedelta }).meta({ title: "PIntOrTimedelta" }),
  d_int_or_timedelta: dataclass(z.object({ u: intOrTimedelta }).meta({ title: "DIntOrTimedelta" })),
  d_non_finite: dataclass(
    z
      .object({ f: z.number(), u: z.union([z.number(), z.string()]), n: z.int().default(1) })
      .meta({ title: "DNonFinite" }),
  ),
  int_key_dict_duration: z.record(z.int(), duration()),
  int_key_dict_timestamp: z.record(z.int(), timestamp()),
  p_int_keys: z.object(intKeyFields).meta({ title: "PIntKeys" }),
});

/** Schema ids whose datetimes are JS Dates (the others hold timestamp() values). */
const DATE_SCHEMAS = new Set(["date", "date_or_str", "list_date", "p_time", "d_time"]);

/** Turns a case's neutral JSON value into the JS value its schema holds. */
export function fromNeutral(v: unknown, schemaId: string): unknown {
  if (Array.isArray(v)) return v.map((x) => fromNeutral(x, schemaId));
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if ("$int" in o) return BigInt(o.$int as string);
  if ("$float" in o) {
    return { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, "-inf": Number.NEGATIVE_INFINITY, "-0": -0 }[
      o.$float as string
    ];
  }
  if ("$ts" in o || "$dur" in o) {
    const [s, n] = (o.$ts ?? o.$dur) as [string, number];
    const t = { seconds: BigInt(s), nanos: n };
    return "$ts" in o && DATE_SCHEMAS.has(schemaId) ? new Date(Number(t.seconds) * 1000 + n / 1e6) : t;
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromNeutral(x, schemaId)]));
}
