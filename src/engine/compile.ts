// Compiles a zod schema (or a registered class) into a TypeDesc, once. The walk reads schemas through the zod
// reader and knows which schemas need zod itself to run checks (refinements, string formats) after conversion.
import type * as core from "zod/v4/core";
import type { FieldDesc, TypeDesc } from "../codec/descriptor.js";
import { hashOf, isFactoryDefault, markOf, styleOf } from "../codec/schema-marks.js";
import { type AnyMappedType, type Class, isMappedType, type Registration } from "../codec/transformer.js";
import {
  checksOf,
  childrenOf,
  codecOf,
  defOf,
  instanceClassOf,
  isIntegerNumber,
  isOptionalField,
  metaOf,
  parentOf,
  parseProblems,
  runCodec,
  type SchemaDef,
  type ZodProblems,
} from "../codec/zod-reader.js";
import { ErrorCode, FlyteTypeError, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { PathSegment } from "../errors/path.js";
import type { SchemaStyle } from "../msgpack/json-schema.js";
import type { Registry } from "./registry.js";

/** What the engine accepts as a type: a zod schema, or a class with a registered transformer. */
export type TypeSpec = core.$ZodType | Class;

/** The zod schema each compiled descriptor came from, for tools that need its checks (min, max, formats). */
const sources = new WeakMap<TypeDesc, core.$ZodType>();
export const sourceOf = (desc: TypeDesc): core.$ZodType | undefined => sources.get(desc);

/** A type compiled once: its descriptor, and whether zod must still check its values. */
export interface Compiled {
  /** The type's descriptor, which the engine compiles into codecs. */
  readonly desc: TypeDesc;
  /** True when the schema has checks our codecs do not enforce (min/max, formats, refinements): zod runs them. */
  readonly validate: boolean;
}

const SUPPORTED = [
  "z.int() / z.number().int()",
  "z.bigint()",
  "z.number()",
  "z.string()",
  "z.boolean()",
  "z.date()",
  "timestamp()",
  "duration()",
  "z.null() / z.undefined()",
  "z.array()",
  "z.record(z.string() | z.int(), …)",
  "z.object() / z.strictObject() / z.looseObject()",
  "z.unknown() / z.any() / z.json()",
  "z.union() / .optional() / .nullable()",
  "z.enum()",
  "z.literal()",
  "z.codec()",
  "registered transformers and mapped types",
];

// The integer format our INTEGER codec enforces itself; int32 and uint32 are INTEGERs too, but their bounds need zod.
const SAFE_INT = "safeint";

/** A title for a record nobody named: its field name in PascalCase, as a Python class would be named. */
const pascal = (name: string): string =>
  name.replace(/(^|[_\s-]+)(\p{L})/gu, (_, __, c: string) => c.toUpperCase()).replace(/[^\p{L}\p{N}]/gu, "") ||
  "Record";

/** Whether `target` is reachable from `schema`'s definition: a lazy schema that refers to itself. */
function refersTo(schema: unknown, target: object, seen: Set<object>): boolean {
  if (typeof schema !== "object" || schema === null || seen.has(schema)) return false;
  seen.add(schema);
  if (schema === target) return true;
  return childrenOf(schema).some((n) => refersTo(n, target, seen));
}

function none(repr: "null" | "undefined"): TypeDesc {
  return { kind: "none", repr };
}

/** Flattens nested unions and keeps one NONE variant, as Python's typing.Union does; one variant is no union. */
function union(variants: readonly TypeDesc[]): TypeDesc {
  const flat: TypeDesc[] = [];
  for (const v of variants) {
    for (const x of v.kind === "union" ? v.variants : [v]) {
      if (x.kind === "none" && flat.some((y) => y.kind === "none")) continue;
      flat.push(x);
    }
  }
  if (flat.length === 1) return flat[0] as TypeDesc;
  // A union of value sets of one base type is one value set, as Python's Literal["a"] | Literal["b"] is.
  const first = flat[0];
  if (first?.kind === "literal" && flat.every((v) => v.kind === "literal" && v.base === first.base)) {
    const values = [...new Set(flat.flatMap((v) => (v.kind === "literal" ? v.values : [])))];
    return { kind: "literal", base: first.base, values };
  }
  return { kind: "union", variants: flat };
}

function literal(values: readonly unknown[]): TypeDesc | string {
  if (values.length === 0) return "an empty z.literal()";
  const bases = new Set(
    values.map((v) =>
      typeof v === "string"
        ? "string"
        : typeof v === "boolean"
          ? "bool"
          : typeof v === "number" && Number.isFinite(v)
            ? Number.isInteger(v)
              ? "int"
              : "float"
            : "other",
    ),
  );
  if (bases.has("int") && bases.has("float")) bases.delete("int");
  const [base] = [...bases];
  if (bases.size !== 1 || base === "other" || base === undefined) {
    return "z.literal() values must all be strings, all numbers, or all booleans";
  }
  return { kind: "literal", base, values: values as (string | number | boolean)[] };
}

export function compileSpec(spec: TypeSpec, registry: Registry, root: string): Compiled {
  let validate = false;
  const path: PathSegment[] = [];
  const visiting = new Set<object>();
  // Records nested in a dataclass() are dataclasses too, unless marked otherwise.
  let style: SchemaStyle = "pydantic";

  const unsupported = (what: string): never =>
    fail(ErrorCode.unsupportedSchema, msg.unsupported(what, SUPPORTED), { root, path, received: what });

  /** A wire schema's descriptor, and whether it has zod checks of its own (then run on each wire value). */
  const wireOf = (wire: core.$ZodType, name: string): { inner: TypeDesc; checks: boolean } => {
    if (visiting.has(wire)) return unsupported(`${name}, whose wire form contains itself`);
    visiting.add(wire);
    const outer = validate;
    validate = false;
    try {
      const inner = walk(wire);
      return { inner, checks: validate };
    } finally {
      validate = outer;
      visiting.delete(wire);
    }
  };

  const mapped = (r: AnyMappedType): TypeDesc => {
    const key = r.type;
    const wire = r.wire as core.$ZodType;
    const { inner, checks } = wireOf(wire, r.name);
    return {
      kind: "mapped",
      name: r.name,
      inner,
      isMine: typeof key === "function" ? (v) => v instanceof key : (v) => key.safeParse(v).success,
      toWire: (v) => r.toWire(v),
      fromWire: (w) => r.fromWire(w),
      ...(checks ? { check: (w: unknown) => parseProblems(wire, w) } : {}),
      mapped: r,
    };
  };

  const fromRegistration = (r: Registration): TypeDesc =>
    isMappedType(r) ? mapped(r) : { kind: "custom", transformer: r };

  /** A zod codec: its values travel as its wire (input) schema's, converted by its own encode and decode. */
  const codec = (s: core.$ZodType, wire: core.$ZodType): TypeDesc => {
    const name = metaOf(s).title ?? "z.codec()";
    const { inner } = wireOf(wire, name);
    // zod runs the codec's checks on both sides (safeEncode), after conversion.
    validate = true;
    const run = (direction: "decode" | "encode", v: unknown): unknown => {
      const r = runCodec(s, direction, v);
      if (r.ok) return r.value;
      throw codecFailed(name, r.problems);
    };
    return {
      kind: "mapped",
      name,
      inner,
      isMine: () => true,
      toWire: (v) => run("encode", v),
      fromWire: (w) => run("decode", w),
    };
  };

  const registered = (s: object): TypeDesc | undefined => {
    for (let cur: object | undefined = s; cur !== undefined; cur = parentOf(cur)) {
      const t = registry.lookup(cur);
      if (t !== undefined) return fromRegistration(t);
      const mark = markOf(cur);
      if (mark !== undefined) return mark;
    }
    return undefined;
  };

  const at = (segment: PathSegment, s: core.$ZodType): TypeDesc => {
    path.push(segment);
    const d = walk(s);
    path.pop();
    return d;
  };

  const object = (s: core.$ZodType, def: SchemaDef): TypeDesc => {
    const outer = style;
    style = styleOf(s) ?? style;
    const meta = metaOf(s);
    const last = path[path.length - 1];
    const title = meta.title ?? meta.id ?? (typeof last === "string" ? pascal(last) : "Record");
    const catchall = def.catchall === undefined ? undefined : defOf(def.catchall as core.$ZodType).type;
    const fields: FieldDesc[] = Object.entries(def.shape as Record<string, core.$ZodType>).map(([name, fs]) => {
      const fdef = defOf(fs);
      const hasDefault = fdef.type === "default" || fdef.type === "prefault";
      const description = metaOf(fs).description;
      return {
        name,
        type: at(name, fs),
        optional: isOptionalField(fs),
        hasDefault,
        ...(hasDefault
          ? {
              default: fdef.defaultValue,
              makeDefault: () => defOf(fs).defaultValue,
              factoryDefault: isFactoryDefault(fs),
            }
          : {}),
        ...(description === undefined ? {} : { description }),
      };
    });
    const desc: TypeDesc = {
      kind: "struct",
      fields,
      title,
      ...(meta.description === undefined ? {} : { description: meta.description }),
      style,
      unknownKeys: catchall === undefined ? "strip" : catchall === "never" ? "strict" : "passthrough",
    };
    style = outer;
    return desc;
  };

  const walk = (s: core.$ZodType, skipHash = false): TypeDesc => {
    const d = walkOnce(s, skipHash);
    // Wrappers (.default(), .readonly()) return their inner descriptor: it keeps the innermost source.
    if (typeof d === "object" && !sources.has(d)) sources.set(d, s);
    return d;
  };

  const walkOnce = (s: core.$ZodType, skipHash: boolean): TypeDesc => {
    const hash = skipHash ? undefined : hashOf(s);
    if (hash !== undefined) return { kind: "hashed", inner: walk(s, true), hash };
    const found = registered(s);
    if (found !== undefined) return found;
    const def = defOf(s);
    if (checksOf(s).some((c) => c.check !== "number_format" || c.format !== SAFE_INT)) validate = true;
    switch (def.type) {
      case "number": {
        if (def.format !== undefined && def.format !== SAFE_INT && def.format !== "float64") validate = true;
        return isIntegerNumber(s) ? { kind: "int", repr: "number" } : { kind: "float" };
      }
      case "bigint":
        if (def.format === "uint64") validate = true;
        return { kind: "int", repr: "bigint" };
      case "string":
        if (def.format !== undefined) validate = true;
        return { kind: "string" };
      case "boolean":
        return { kind: "bool" };
      case "date":
        return { kind: "datetime", repr: "date" };
      case "null":
        return none("null");
      case "undefined":
      case "void":
        return none("undefined");
      case "array":
        return { kind: "list", element: at("element", def.element as core.$ZodType) };
      case "record": {
        const keyType = defOf(def.keyType as core.$ZodType);
        const intKeys = walk(def.keyType as core.$ZodType);
        if (keyType.type !== "string" && intKeys.kind !== "int") {
          return unsupported(`a record with ${keyType.type} keys`);
        }
        if (keyType.type === "string" && (keyType.format !== undefined || (keyType.checks ?? []).length > 0)) {
          validate = true;
        }
        const value = at("value", def.valueType as core.$ZodType);
        // Only Python's bare `dict` (string keys, values of any type) is one STRUCT; `Dict[str, dict]` is a map of
        // STRUCTs, as Python writes it.
        if (keyType.type === "string" && value.kind === "untyped" && value.shape === "any") {
          return { kind: "untyped", shape: "object" };
        }
        return keyType.type === "string"
          ? { kind: "map", value, keys: "string", msgpack: false }
          : { kind: "map", value, keys: "int", msgpack: true };
      }
      case "object":
        return object(s, def);
      case "unknown":
      case "any":
        return { kind: "untyped", shape: "any" };
      case "literal": {
        const d = literal(def.values as unknown[]);
        return typeof d === "string" ? unsupported(d) : d;
      }
      case "optional":
        return union([walk(def.innerType as core.$ZodType), none("undefined")]);
      case "nullable":
        return union([walk(def.innerType as core.$ZodType), none("null")]);
      case "union":
        return union((def.options as core.$ZodType[]).map((o, i) => at(i, o)));
      case "enum": {
        const values = Object.values(def.entries as Record<string, unknown>);
        if (!values.every((v) => typeof v === "string")) return unsupported("an enum with non-string values");
        const title = metaOf(s).title ?? metaOf(s).id;
        return { kind: "enum", values: values as string[], ...(title === undefined ? {} : { title }) };
      }
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
        validate = validate || def.type !== "readonly";
        return walk(def.innerType as core.$ZodType);
      case "nonoptional": {
        const inner = walk(def.innerType as core.$ZodType);
        return inner.kind === "union" ? union(inner.variants.filter((v) => v.kind !== "none")) : inner;
      }
      case "lazy": {
        // A recursive type (z.json(), a tree) has no Flyte type: it travels as untyped msgpack, checked by zod.
        if (refersTo((def.getter as () => unknown)(), s, new Set())) {
          validate = true;
          return { kind: "untyped", shape: "any" };
        }
        if (visiting.has(s)) return unsupported("a recursive schema (Flyte types cannot refer to themselves)");
        visiting.add(s);
        try {
          return walk((def.getter as () => core.$ZodType)());
        } finally {
          visiting.delete(s);
        }
      }
      case "custom": {
        const cls = instanceClassOf(s);
        const t = cls === undefined ? undefined : registry.lookup(cls);
        if (t !== undefined) return fromRegistration(t);
        return unsupported(
          cls === undefined
            ? "z.custom() without a registered transformer"
            : `z.instanceof(${cls.name}) without a registered transformer`,
        );
      }
      case "pipe": {
        const c = codecOf(s);
        return c === undefined ? unsupported("z.pipe()") : codec(s, c.wire);
      }
      default:
        return unsupported(`z.${def.type}()`);
    }
  };

  if (typeof spec === "function") {
    const t = registry.lookup(spec);
    if (t === undefined) {
      return fail(
        ErrorCode.noTransformer,
        msg.noTransformer(
          `class ${spec.name}`,
          registry.transformers().map((x) => x.name),
        ),
        { root },
      );
    }
    return { desc: fromRegistration(t), validate };
  }
  const desc = walk(spec);
  return { desc, validate };
}

/** A codec's encode or decode refused a value: its problems as issues (recorded at the path being converted). */
function codecFailed(name: string, problems: ZodProblems): FlyteTypeError {
  return new FlyteTypeError(
    problems.map((p) => ({
      code: ErrorCode.validationFailed,
      path: "",
      message: msg.wireCheckFailed(name, p.path, p.message),
    })),
  );
}
