// Schema ids used by the golden fixtures (test/interop/golden_cases.py names them) → zod schemas.
import { z } from "zod";
import { duration, timestamp } from "../src/index.js";

const color = z.enum(["red", "green", "blue"]);

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
  list_list_int: z.array(z.array(z.int())),
  dict_int: z.record(z.string(), z.int()),
  dict_list_float: z.record(z.string(), z.array(z.number())),
  opt_int: z.int().nullable(),
  int_or_str: z.union([z.int(), z.string()]),
  int_or_float: z.union([z.int(), z.number()]),
  list_int_or_str: z.union([z.array(z.int()), z.string()]),
  opt_dict_str: z.record(z.string(), z.string()).nullable(),
  list_opt_int: z.array(z.int().nullable()),
  int_or_bool: z.union([z.int(), z.boolean()]),
  date_or_str: z.union([z.date(), z.string()]),
  opt_duration: duration().nullable(),
  color,
  list_color: z.array(color),
};

/** Turns a fixture's neutral JSON value into the JS value its schema holds. */
export function fromNeutral(v: unknown, schemaId: string): unknown {
  if (Array.isArray(v)) return v.map((x) => fromNeutral(x, schemaId));
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if ("$int" in o) return BigInt(o.$int as string);
  if ("$float" in o)
    return { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, "-inf": Number.NEGATIVE_INFINITY }[o.$float as string];
  if ("$ts" in o || "$dur" in o) {
    const [s, n] = (o.$ts ?? o.$dur) as [string, number];
    const t = { seconds: BigInt(s), nanos: n };
    return "$ts" in o && (schemaId === "date" || schemaId === "date_or_str")
      ? new Date(Number(t.seconds) * 1000 + n / 1e6)
      : t;
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromNeutral(x, schemaId)]));
}
