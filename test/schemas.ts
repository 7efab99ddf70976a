// Schema ids the interop cases name (test/interop/cases.py) → zod schemas, and the neutral-value decoder.
import { z } from "zod";
import { duration, timestamp } from "../src/index.js";

const color = z.enum(["red", "green", "blue"]);
const colorNames = z.enum(["RED", "GREEN", "BLUE"]);
const mode = z.enum(["fast", "exact"]);

export const schemas: Record<string, z.ZodType> = {
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

/** Schema ids whose datetimes are JS Dates (the others hold timestamp() values). */
const DATE_SCHEMAS = new Set(["date", "date_or_str", "list_date"]);

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
