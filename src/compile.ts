// Compiles a zod schema (or a registered class) into a TypeDesc, once. The walk reads zod v4's `_zod.def`
// and knows which schemas need zod itself to run checks (refinements, string formats) after conversion.
import type * as core from "zod/v4/core";
import type { TypeDesc } from "./descriptor.js";
import { ErrorCode, fail } from "./errors.js";
import { markOf } from "./markers.js";
import { msg } from "./messages.js";
import type { PathSegment } from "./path.js";
import type { Registry } from "./registry.js";
import type { Class } from "./transformer.js";

/** What the engine accepts as a type: a zod schema, or a class with a registered transformer. */
export type TypeSpec = core.$ZodType | Class;

export interface Compiled {
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
  "z.record(z.string(), …)",
  "z.union() / .optional() / .nullable()",
  "z.enum()",
  "registered transformers",
];

// Integer formats our INTEGER codec enforces itself; other number formats (int32, uint32, float32) need zod.
const INT_FORMATS = new Set(["safeint", "int32", "uint32"]);

interface Def {
  readonly type: string;
  readonly format?: string;
  readonly checks?: readonly { _zod: { def: { check: string; format?: string } } }[];
  readonly [key: string]: unknown;
}
const defOf = (s: core.$ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const parentOf = (s: object): object | undefined => (s as { _zod?: { parent?: object } })._zod?.parent;

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
  return flat.length === 1 ? (flat[0] as TypeDesc) : { kind: "union", variants: flat };
}

export function compileSpec(spec: TypeSpec, registry: Registry, root: string): Compiled {
  let validate = false;
  const path: PathSegment[] = [];
  const visiting = new Set<object>();

  const unsupported = (what: string): never =>
    fail(ErrorCode.unsupportedSchema, msg.unsupported(what, SUPPORTED), { root, path, received: what });

  const registered = (s: object): TypeDesc | undefined => {
    for (let cur: object | undefined = s; cur !== undefined; cur = parentOf(cur)) {
      const t = registry.lookup(cur);
      if (t !== undefined) return { kind: "custom", transformer: t };
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

  const walk = (s: core.$ZodType): TypeDesc => {
    const found = registered(s);
    if (found !== undefined) return found;
    const def = defOf(s);
    const checks = def.checks ?? [];
    if (checks.some((c) => c._zod.def.check !== "number_format" || !INT_FORMATS.has(c._zod.def.format ?? ""))) {
      validate = true;
    }
    switch (def.type) {
      case "number": {
        const isInt =
          INT_FORMATS.has(def.format ?? "") ||
          checks.some((c) => c._zod.def.check === "number_format" && INT_FORMATS.has(c._zod.def.format ?? ""));
        if (def.format !== undefined && def.format !== "safeint" && def.format !== "float64") validate = true;
        return isInt ? { kind: "int", repr: "number" } : { kind: "float" };
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
        if (keyType.type !== "string") return unsupported(`a record with ${keyType.type} keys`);
        if (keyType.format !== undefined || (keyType.checks ?? []).length > 0) validate = true;
        return { kind: "map", value: at("value", def.valueType as core.$ZodType) };
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
        return { kind: "enum", values: values as string[] };
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
        if (visiting.has(s)) return unsupported("a recursive schema (Flyte types cannot refer to themselves)");
        visiting.add(s);
        try {
          return walk((def.getter as () => core.$ZodType)());
        } finally {
          visiting.delete(s);
        }
      }
      case "custom": {
        const cls = (s as unknown as { _zod: { bag: { Class?: Class } } })._zod.bag.Class;
        const t = cls === undefined ? undefined : registry.lookup(cls);
        if (t !== undefined) return { kind: "custom", transformer: t };
        return unsupported(
          cls === undefined
            ? "z.custom() without a registered transformer"
            : `z.instanceof(${cls.name}) without a registered transformer`,
        );
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
    return { desc: { kind: "custom", transformer: t }, validate: false };
  }
  const desc = walk(spec);
  return { desc, validate };
}
