// The one reader of zod v4's internals (`_zod.def`, `_zod.parent`, `_zod.optin`, the global meta registry). zod
// publishes these shapes in `zod/v4/core` but not as a stable API; keeping every read here means one file to mend
// when zod changes them, and one answer to questions such as "is this number an integer?" everywhere.
import { globalRegistry, z } from "zod";
import type * as core from "zod/v4/core";

/** One check of a schema (`.min()`, `.int()`, `.regex()`…), as zod stores it. */
export interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly value?: number | bigint;
  readonly inclusive?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly pattern?: RegExp;
}

/** A schema's definition: `type` names its kind (`number`, `object`, `optional`…); the rest depends on it. */
export interface SchemaDef {
  readonly type: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly checks?: readonly { _zod: { def: CheckDef } }[];
  readonly [key: string]: unknown;
}

/** What `.meta()` / `.describe()` attached to a schema. */
export interface SchemaMeta {
  readonly title?: string;
  readonly id?: string;
  readonly description?: string;
}

/** Wrappers whose value is their inner schema's, give or take undefined, null or a default. */
const VALUE_WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly"]);

/** Number formats that make a JS number an integer (`z.int()`, `z.int32()`, `z.uint32()`). */
export const INTEGER_FORMATS: ReadonlySet<string> = new Set(["safeint", "int32", "uint32"]);

/** Whether `x` is a zod v4 schema. */
export const isZodSchema = (x: unknown): x is core.$ZodType =>
  typeof x === "object" && x !== null && "_zod" in x && typeof (x as { _zod: unknown })._zod === "object";

export const defOf = (s: core.$ZodType): SchemaDef => (s as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The kind zod gives a schema (`def.type`). */
export const typeOf = (s: core.$ZodType): string => defOf(s).type;

export const checksOf = (s: core.$ZodType): CheckDef[] => (defOf(s).checks ?? []).map((c) => c._zod.def);

/** The schema a clone (`.describe()`, `.meta()`) was made from, if any. */
export const parentOf = (s: object): object | undefined => (s as { _zod?: { parent?: object } })._zod?.parent;

/** Whether an object field with this schema may be absent (`.optional()`, `.default()`). */
export const isOptionalField = (s: core.$ZodType): boolean =>
  (s as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;

export const metaOf = (s: object): SchemaMeta => (globalRegistry.get(s as core.$ZodType) ?? {}) as SchemaMeta;

/** `z.number()` with an integer format, as a check or as the schema's own format: an INTEGER, never a FLOAT. */
export function isIntegerNumber(s: core.$ZodType): boolean {
  const def = defOf(s);
  if (def.type !== "number") return false;
  return (
    INTEGER_FORMATS.has(def.format ?? "") ||
    checksOf(s).some((c) => c.check === "number_format" && INTEGER_FORMATS.has(c.format ?? ""))
  );
}

/** The schema inside value wrappers (`.optional()`, `.nullable()`, `.default()`, `.readonly()`). */
export function unwrapValue(s: core.$ZodType): core.$ZodType {
  let cur = s;
  while (VALUE_WRAPPERS.has(typeOf(cur))) cur = defOf(cur).innerType as core.$ZodType;
  return cur;
}

/** A schema's `.default()` value, if its outermost wrapper is one. */
export function defaultOf(s: core.$ZodType): { value: unknown } | undefined {
  const def = defOf(s);
  return def.type === "default" ? { value: def.defaultValue } : undefined;
}

/** The class `z.instanceof(C)` checks for, if `s` is one. */
export const instanceClassOf = (s: core.$ZodType): (abstract new (...args: never[]) => unknown) | undefined =>
  (s as unknown as { _zod: { bag: { Class?: abstract new (...args: never[]) => unknown } } })._zod.bag.Class;

/** A zod 4 `z.codec(wire, value, { decode, encode })`: its wire (input) schema, if `s` is one. A plain `z.pipe()` is not. */
export function codecOf(s: core.$ZodType): { readonly wire: core.$ZodType } | undefined {
  const def = defOf(s);
  return def.type === "pipe" && typeof def.reverseTransform === "function"
    ? { wire: def.in as core.$ZodType }
    : undefined;
}

/** Problems zod found, with their paths, or none. */
export type ZodProblems = readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];

const problemsOf = (r: { success: boolean; error?: { issues: readonly z.core.$ZodIssue[] } }): ZodProblems =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));

/** `s.safeParse(value)`'s problems: for a wire value against its wire schema. */
export const parseProblems = (s: core.$ZodType, value: unknown): ZodProblems =>
  problemsOf((s as unknown as z.ZodType).safeParse(value));

/** Runs a codec forwards (wire → value) or backwards (value → wire), checking both sides. */
export function runCodec(
  s: core.$ZodType,
  direction: "decode" | "encode",
  value: unknown,
): { ok: true; value: unknown } | { ok: false; problems: ZodProblems } {
  const schema = s as unknown as z.ZodType;
  const r = direction === "decode" ? schema.safeDecode(value as never) : schema.safeEncode(value as never);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsOf(r) };
}

/** The schemas a definition refers to directly (inner, element, options, fields…), for walks over a schema graph. */
export function childrenOf(s: object): unknown[] {
  const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (def === undefined) return [];
  const next: unknown[] = [def.innerType, def.element, def.valueType, def.keyType, def.in, def.out];
  if (Array.isArray(def.options)) next.push(...def.options);
  if (typeof def.shape === "object" && def.shape !== null) next.push(...Object.values(def.shape));
  if (def.type === "lazy") next.push((def.getter as () => unknown)());
  return next;
}

const checkers = new WeakMap<object, z.ZodType | null>();

/**
 * A schema that runs `s`'s own checks (`.min()`, `.refine()`…) on any value, without `s`'s type check: zod's
 * z.number() refuses NaN and ±Infinity before its checks run, where Python's float holds them. Undefined when `s`
 * has no checks.
 */
export function checksOnly(s: core.$ZodType): z.ZodType | undefined {
  let out = checkers.get(s);
  if (out === undefined) {
    const checks = (defOf(s).checks ?? []) as unknown as core.$ZodCheck<unknown>[];
    out = checks.length === 0 ? null : z.any().check(...checks);
    checkers.set(s, out);
  }
  return out ?? undefined;
}
