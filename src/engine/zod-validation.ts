// zod's own checks (refinements, formats, bounds) after a conversion, reported with our paths. zod's z.number()
// refuses NaN and ±Infinity, which a FLOAT (Python's float) holds: zod sees finite stand-ins for them, and the
// checks of their own schema (`.min()`, `.refine()`) then run on the real values.

import type { z } from "zod";
import type { TypeDesc } from "../codec/descriptor.js";
import { checksOnly } from "../codec/zod-reader.js";
import { ErrorCode, FlyteTypeError, type Issue } from "../errors/flyte-type-error.js";
import { describeValue } from "../errors/messages.js";
import { formatPath } from "../errors/path.js";
import { sourceOf, type TypeSpec } from "./compile.js";

type Key = string | number;

/** A FLOAT that zod's z.number() refuses (NaN, ±Infinity) though Python's float holds it, and what stood for it. */
interface NonFinite {
  readonly path: readonly Key[];
  readonly value: number;
  readonly standIn: number;
  readonly desc: TypeDesc;
}

/** The types a value of `desc` holds values of: a hashed type's inner, union variants, elements, map values, fields. */
function partsOf(desc: TypeDesc): readonly TypeDesc[] {
  switch (desc.kind) {
    case "hashed":
      return [desc.inner];
    case "union":
      return desc.variants;
    case "list":
      return [desc.element];
    case "map":
      return [desc.value];
    case "struct":
      return desc.fields.map((f) => f.type);
    default:
      return [];
  }
}

/**
 * A cached question about a type and the types it holds: `self` answers for `desc` itself (true or false), or
 * defers (undefined) to whether any of its parts holds the answer.
 */
function holds(self: (desc: TypeDesc) => boolean | undefined): (desc: TypeDesc) => boolean {
  const cache = new WeakMap<TypeDesc, boolean>();
  const ask = (desc: TypeDesc): boolean => {
    let out = cache.get(desc);
    if (out === undefined) {
      out = self(desc) ?? partsOf(desc).some(ask);
      cache.set(desc, out);
    }
    return out;
  };
  return ask;
}

/**
 * Whether a zod `z.codec` sits in `desc`: values are then in its output form, which `safeParse` (input form in)
 * refuses, so zod checks them with `safeEncode`, which runs each codec backwards.
 */
const holdsCodec = holds((d) => (d.kind !== "mapped" ? undefined : d.mapped === undefined || holdsCodec(d.inner)));

/** Whether a value of `desc` may hold a FLOAT, so that validation need not walk values that cannot. */
const holdsFloat = holds((d) => (d.kind === "float" ? true : undefined));

/**
 * `value` with each non-finite FLOAT replaced by a finite stand-in (±Number.MAX_VALUE for ±Infinity, 0 for NaN),
 * copying only the objects and arrays that lead to one; `found` lists what was replaced.
 */
function maskNonFinite(desc: TypeDesc, value: unknown, path: Key[], found: NonFinite[]): unknown {
  if (!holdsFloat(desc)) return value;
  let copy: Record<Key, unknown> | undefined;
  /** Masks `source[key]` as a `d`, copying `source` on the first change. */
  const at = (source: object, key: Key, d: TypeDesc): void => {
    const x = (source as Record<Key, unknown>)[key];
    path.push(key);
    const m = maskNonFinite(d, x, path, found);
    path.pop();
    if (Object.is(m, x)) return;
    copy ??= (Array.isArray(source) ? [...source] : { ...source }) as Record<Key, unknown>;
    copy[key] = m;
  };
  switch (desc.kind) {
    case "float": {
      if (typeof value !== "number" || Number.isFinite(value)) return value;
      const standIn = Number.isNaN(value) ? 0 : Math.sign(value) * Number.MAX_VALUE;
      found.push({ path: [...path], value, standIn, desc });
      return standIn;
    }
    case "hashed":
      return maskNonFinite(desc.inner, value, path, found);
    case "union":
      for (const v of desc.variants) {
        const before = found.length;
        const out = maskNonFinite(v, value, path, found);
        if (found.length > before) return out;
      }
      return value;
    case "list":
      if (Array.isArray(value)) for (let i = 0; i < value.length; i++) at(value, i, desc.element);
      break;
    case "map":
      if (isPlainObject(value)) for (const k of Object.keys(value)) at(value, k, desc.value);
      break;
    case "struct":
      if (isPlainObject(value))
        for (const f of desc.fields) if (Object.hasOwn(value, f.name)) at(value, f.name, f.type);
      break;
    default:
      break;
  }
  return copy ?? value;
}

const isPlainObject = (v: unknown): v is object =>
  typeof v === "object" &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const samePath = (a: readonly Key[], b: readonly PropertyKey[]): boolean =>
  a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Runs zod's own checks (refinements, formats, bounds) and reports its issues with our paths. zod's z.number()
 * refuses NaN and ±Infinity, which a FLOAT holds: zod sees finite stand-ins for them, and the checks of their own
 * schema (`.min()`, `.refine()`) then run on the real values.
 */
/** What is validated: a value of `spec` (compiled to `desc`), at `root` (`value`, `inputs.x`). */
export interface Validated {
  readonly spec: TypeSpec;
  readonly root: string;
  readonly desc: TypeDesc;
}

export function validate(slot: Validated, value: unknown): void {
  const spec = slot.spec;
  if (typeof spec === "function") return;
  const found: NonFinite[] = [];
  const masked = maskNonFinite(slot.desc, value, [], found);
  const schema = spec as z.ZodType;
  const result = holdsCodec(slot.desc)
    ? schema.safeEncode(masked, { reportInput: true })
    : schema.safeParse(masked, { reportInput: true });
  const zodIssues: z.core.$ZodIssue[] = [];
  let cause: unknown = result.error;
  if (!result.success) {
    // What a stand-in's own checks said about it is replaced by what they say of the real value, below.
    const aboutStandIn = (i: z.core.$ZodIssue) =>
      found.some((f) => "input" in i && Object.is(i.input, f.standIn) && samePath(f.path, i.path));
    zodIssues.push(...result.error.issues.filter((i) => !aboutStandIn(i)));
  }
  for (const f of found) {
    const source = sourceOf(f.desc);
    const checked = source === undefined ? undefined : checksOnly(source)?.safeParse(f.value, { reportInput: true });
    if (checked !== undefined && !checked.success) {
      cause ??= checked.error;
      zodIssues.push(...checked.error.issues.map((i) => ({ ...i, path: [...f.path, ...i.path] })));
    }
  }
  if (zodIssues.length === 0) return;
  const issues: Issue[] = zodIssues.map((i) => {
    const received = "input" in i ? describeValue(i.input) : undefined;
    return {
      code: ErrorCode.validationFailed,
      path: formatPath(slot.root, i.path as (string | number)[]),
      message: i.message,
      ...("expected" in i && typeof i.expected === "string" ? { expected: i.expected } : {}),
      ...(received === undefined ? {} : { received }),
    };
  });
  throw new FlyteTypeError(issues, { cause });
}
