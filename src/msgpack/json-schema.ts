// JSON Schema for records, as the Python libraries write it into a STRUCT LiteralType's `metadata`: pydantic's
// `model_json_schema()` (titles per field, nested models and enums in `$defs`) or mashumaro's schema for
// dataclasses (no field titles, nested records inlined, `additionalProperties: false`).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/**
 * How a record's JSON Schema and union tag are written: as pydantic writes a model (the default), or as mashumaro
 * writes a `@dataclass` (`dataclass()`).
 */
export type SchemaStyle = "pydantic" | "dataclass";

/** Collects the `$defs` of one root schema; a named type is defined once and referred to by `$ref`. */
export class SchemaGen {
  private readonly defs = new Map<string, JsonObject>();

  constructor(readonly style: SchemaStyle) {}

  /**
   * The `$ref` to a definition titled `title`. The same definition used twice is one entry; two different ones
   * with one title get distinct names (`Title`, `Title_2`), as pydantic disambiguates clashing model names.
   */
  ref(title: string, build: () => JsonObject): JsonObject {
    const schema = build();
    const text = JSON.stringify(schema);
    let name = title;
    for (let i = 2; this.defs.has(name) && JSON.stringify(this.defs.get(name)) !== text; i++) name = `${title}_${i}`;
    this.defs.set(name, schema);
    return { $ref: `#/$defs/${name}` };
  }

  /** The root schema with the collected `$defs` attached (none when nothing was referred to). */
  finish(root: JsonObject): JsonObject {
    return this.defs.size === 0 ? root : { $defs: Object.fromEntries(this.defs), ...root };
  }
}

/**
 * A field title as pydantic makes it: Python's `str.title()` of the name with `_` as spaces, trimmed
 * (`my_int` → `My Int`, `dt_` → `Dt`, `a1b` → `A1B`).
 */
export function pydanticTitle(name: string): string {
  let out = "";
  let prevCased = false;
  for (const ch of name.replaceAll("_", " ")) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = cased;
  }
  return out.trim();
}

/** A JSON rendering of a default value (Dates as ISO strings, bigints as numbers); undefined when it has none. */
export function jsonOf(v: unknown): Json | undefined {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) {
    const items = v.map(jsonOf);
    return items.every((x) => x !== undefined) ? (items as Json[]) : undefined;
  }
  if (typeof v === "object") {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v as object)) {
      const j = jsonOf(x);
      if (j === undefined) return undefined;
      out[k] = j;
    }
    return out;
  }
  return undefined;
}
