// The zod schema for a random interop case's type description (test/python/random_cases.py), and its neutral value.
import { z } from "zod";
import { dataclass, defaultFactory, duration, timestamp } from "../../src/index.js";
import { fromNeutral } from "./schema-cases.js";

/** A node of random_cases.py's type description. */
export type TypeDescription =
  | { k: "int" | "bigint" | "float" | "str" | "bool" | "datetime" | "timedelta" | "none" | "untyped" }
  | { k: "list" | "dict" | "intdict"; of: TypeDescription }
  | { k: "union"; of: TypeDescription[] }
  | { k: "enum"; name: string; members: [string, string][]; title: boolean }
  | { k: "literal"; values: string[] }
  | { k: "record"; style: "dataclass" | "pydantic"; name: string; fields: FieldDescription[] };
export interface FieldDescription {
  name: string;
  type: TypeDescription;
  /** A neutral value (`null` for `= None`). */
  default?: unknown;
  factory?: "list" | "dict";
}
/** Whether a case's datetimes are JS Dates (millisecond values) or timestamp() values. */
export type Dates = "date" | "timestamp";

/** The zod schema that matches a description, as schema-cases.ts writes them by hand. */
export function schemaOf(d: TypeDescription, dates: Dates): z.ZodType {
  switch (d.k) {
    case "int":
      return z.int();
    case "bigint":
      return z.bigint();
    case "float":
      return z.number();
    case "str":
      return z.string();
    case "bool":
      return z.boolean();
    case "datetime":
      return dates === "date" ? z.date() : timestamp();
    case "timedelta":
      return duration();
    case "none":
      return z.null();
    case "untyped":
      return z.record(z.string(), z.unknown());
    case "list":
      return z.array(schemaOf(d.of, dates));
    case "dict":
      return z.record(z.string(), schemaOf(d.of, dates));
    case "intdict":
      return z.record(z.int(), schemaOf(d.of, dates));
    case "union": {
      const [a, b] = d.of;
      // Optional[T] (Union[T, None]) is T.nullable(); any other union keeps its declaration order.
      if (d.of.length === 2 && a !== undefined && b?.k === "none" && a.k !== "none")
        return schemaOf(a, dates).nullable();
      return z.union(d.of.map((x) => schemaOf(x, dates)) as [z.ZodType, z.ZodType]);
    }
    case "enum": {
      const e = z.enum(Object.fromEntries(d.members));
      return d.title ? e.meta({ title: d.name }) : e;
    }
    case "literal":
      return z.literal(d.values);
    case "record": {
      const shape = Object.fromEntries(d.fields.map((f) => [f.name, fieldSchema(f, dates)]));
      const record = z.object(shape).meta({ title: d.name });
      return d.style === "dataclass" ? dataclass(record) : record;
    }
  }
}

function fieldSchema(f: FieldDescription, dates: Dates): z.ZodType {
  const s = schemaOf(f.type, dates);
  if (f.factory === "list") return defaultFactory(s as z.ZodType<unknown[]>, () => []);
  if (f.factory === "dict") return defaultFactory(s as z.ZodType<Record<string, unknown>>, () => ({}));
  if (f.default === null) return s.optional();
  if (f.default !== undefined) return s.default(fromNeutral(f.default, dates) as never);
  return s;
}

/** A case's neutral value as the JS value its schema holds. */
export const neutralValue = (neutral: unknown, dates: Dates): unknown => fromNeutral(neutral, dates);
