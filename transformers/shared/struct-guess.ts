// guessType for STRUCT: the record's JSON Schema (pydantic's or mashumaro's) back into a zod schema, so a caller
// can read a Python task's outputs without declaring them. No schema means an untyped dict.
import { z } from "zod";
import type { LiteralType } from "../../src/literal/model.js";
import type { Json, JsonObject } from "../../src/msgpack/json-schema.js";
import { dataclass, duration, timestamp } from "../../src/schemas.js";
import { orderedEnum } from "./ordered-enum.js";

export function guessStruct(lt: LiteralType): z.ZodType {
  // Without a schema the STRUCT may hold any msgpack value (a top-level z.unknown() writes null, lists, numbers):
  // the guess reads them all, and its LiteralType is the same bare STRUCT.
  if (lt.metadata === undefined) return z.unknown();
  const root = lt.metadata as JsonObject;
  const defs = { ...(root.definitions as JsonObject | undefined), ...(root.$defs as JsonObject | undefined) };
  const seen = new Set<string>();
  // Each definition is turned into a schema once, however often it is referred to: models that refer to another
  // twice per level would otherwise be expanded exponentially (a few KB of JSON Schema, minutes and gigabytes).
  const memo = new Map<string, z.ZodType>();

  const walk = (s: Json | undefined): z.ZodType => {
    if (s === true || s === undefined || s === null || typeof s !== "object" || Array.isArray(s)) return z.unknown();
    if (typeof s.$ref === "string") {
      const name = s.$ref.replace(/^#\/(\$defs|definitions)\//, "");
      const known = memo.get(name);
      if (known !== undefined) return known;
      if (seen.has(name) || !Object.hasOwn(defs, name)) return z.unknown(); // recursive (Flyte cannot say it) or dangling
      seen.add(name);
      try {
        const schema = walk(defs[name]);
        memo.set(name, schema);
        return schema;
      } finally {
        seen.delete(name);
      }
    }
    if (Array.isArray(s.anyOf)) {
      const options = s.anyOf.filter((o) => !(isObject(o) && o.type === "null")).map(walk);
      const hasNull = options.length < s.anyOf.length;
      const inner = options.length === 1 ? (options[0] as z.ZodType) : z.union(options as [z.ZodType, z.ZodType]);
      return hasNull ? inner.nullable() : inner;
    }
    if (s.const !== undefined && isScalar(s.const)) return z.literal(s.const);
    if (Array.isArray(s.enum) && s.enum.length > 0) {
      const values = s.enum;
      if (values.every((v) => typeof v === "string")) {
        const e = orderedEnum(values as [string, ...string[]]);
        return typeof s.title === "string" ? e.meta({ title: s.title }) : e;
      }
      return values.every(isScalar) ? z.literal(values as [string | number | boolean]) : z.unknown();
    }
    switch (s.type) {
      case "integer":
        return z.bigint();
      case "number":
        return s.format === "time-delta" ? duration() : s.format === "integer" ? z.bigint() : z.number();
      case "string":
        if (s.format === "date-time") return timestamp();
        if (s.format === "duration") return duration();
        return z.string();
      case "boolean":
        return z.boolean();
      case "null":
        return z.null();
      case "array":
        return z.array(walk(s.items as Json | undefined));
      case "object":
        return objectOf(s);
      default:
        return z.unknown();
    }
  };

  const objectOf = (s: JsonObject): z.ZodType => {
    const props = s.properties;
    // mashumaro writes a dataclass without fields with no `properties` at all, closed by additionalProperties: false.
    if (!isObject(props) && s.additionalProperties === false) {
      const empty = z.strictObject({});
      return dataclass(typeof s.title === "string" ? empty.meta({ title: s.title }) : empty);
    }
    if (!isObject(props)) {
      const value = walk(isObject(s.additionalProperties) ? s.additionalProperties : undefined);
      const names = s.propertyNames;
      return isObject(names) && names.type === "integer" ? z.record(z.int(), value) : z.record(z.string(), value);
    }
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    const shape: Record<string, z.ZodType> = {};
    for (const [name, p] of Object.entries(props)) {
      const t = walk(p);
      const dflt = isObject(p) ? p.default : undefined;
      // pydantic's `y: str = "d"` keeps its default; `o: Optional[int] = None` becomes optional.
      shape[name] = required.has(name)
        ? t
        : dflt !== undefined && dflt !== null
          ? t.default(dflt as never)
          : t.optional();
    }
    const obj = s.additionalProperties === false ? z.strictObject(shape) : z.object(shape);
    const titled = typeof s.title === "string" ? obj.meta({ title: s.title }) : obj;
    // mashumaro marks dataclasses with additionalProperties: false; they are written back the dataclass way.
    return s.additionalProperties === false ? dataclass(titled) : titled;
  };

  return root.type === "object" || root.properties !== undefined ? objectOf(root) : z.unknown();
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isScalar(v: Json): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}
