// "The same value" per kind, for round-trip checks: a table over every kind, like the codecs. Handles (files,
// directories, datasets) are compared by their contents, custom types by their transformer or their literal bytes.

import type { DescOf, Kind, TypeDesc } from "../codec/descriptor.js";
import { ArrowTable } from "../dataset/frame.js";
import type { StructuredDataset } from "../dataset/structured-dataset.js";
import { formatPath, type PathSegment } from "../errors/path.js";
import type { FlyteDirectory, FlyteFile } from "../values/files.js";
import { tableDifference } from "./arrow.js";

/** Where two values differ ("at value.a[2]: 3, expected 4"), or undefined when they are the same. */
export type Diff = string | undefined;
type Same<K extends Kind> = (
  desc: DescOf<K>,
  expected: unknown,
  actual: unknown,
  child: (d: TypeDesc, e: unknown, a: unknown, at?: PathSegment) => Promise<Diff>,
) => Diff | Promise<Diff>;

const show = (v: unknown): string => {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()})`;
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
  } catch {
    return String(v);
  }
};
const differ = (e: unknown, a: unknown): string => `${show(a)}, expected ${show(e)}`;
const strict = (e: unknown, a: unknown): Diff => (Object.is(e, a) ? undefined : differ(e, a));
const pair = (e: unknown, a: unknown): Diff => {
  const x = e as { seconds?: bigint; nanos?: number } | null;
  const y = a as { seconds?: bigint; nanos?: number } | null;
  return x?.seconds === y?.seconds && x?.nanos === y?.nanos ? undefined : differ(e, a);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Untyped data: numbers compare by value (msgpack keeps no int/float distinction JS could see), -0 as 0. */
function sameUntyped(e: unknown, a: unknown): boolean {
  if (typeof e === "number" || typeof e === "bigint") {
    if (typeof a !== "number" && typeof a !== "bigint") return false;
    // An int64 may arrive as a bigint where a number was written: compare by value, exactly.
    const exact = (x: number | bigint) => (typeof x === "bigint" || Number.isInteger(x) ? BigInt(x) : x);
    return exact(e) === exact(a) || (Number.isNaN(e) && Number.isNaN(a));
  }
  if (Array.isArray(e)) return Array.isArray(a) && a.length === e.length && e.every((x, i) => sameUntyped(x, a[i]));
  if (e instanceof Uint8Array) return a instanceof Uint8Array && Buffer.from(e).equals(Buffer.from(a));
  if (isObject(e)) {
    if (!isObject(a)) return false;
    const ek = Object.keys(e).filter((k) => e[k] !== undefined);
    const ak = Object.keys(a).filter((k) => a[k] !== undefined);
    return ek.length === ak.length && ek.every((k) => Object.hasOwn(a, k) && sameUntyped(e[k], a[k]));
  }
  return e === a || (e === undefined && a === null);
}

/** Objects of one class with the same own fields (deeply), numbers by Object.is: a custom type's default equality. */
function sameFields(e: unknown, a: unknown): boolean {
  if (typeof e === "number") return Object.is(e, a);
  if (!isObject(e) || !isObject(a)) return e === a;
  if (Object.getPrototypeOf(e) !== Object.getPrototypeOf(a)) return false;
  if (e instanceof Date) return e.getTime() === (a as unknown as Date).getTime();
  if (ArrayBuffer.isView(e))
    return Buffer.from(e.buffer, e.byteOffset, e.byteLength).equals(
      Buffer.from(
        (a as unknown as Uint8Array).buffer,
        (a as unknown as Uint8Array).byteOffset,
        (a as unknown as Uint8Array).byteLength,
      ),
    );
  const ek = Object.keys(e);
  return ek.length === Object.keys(a).length && ek.every((k) => Object.hasOwn(a, k) && sameFields(e[k], a[k]));
}

async function filesOf(d: FlyteDirectory): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const f of d.files()) out.set(f.name, Buffer.from(await f.bytes()).toString("base64"));
  return out;
}

const SAME: { readonly [K in Kind]: Same<K> } = {
  int: (_d, e, a) => strict(e, a),
  float: (_d, e, a) => strict(e, a),
  string: (_d, e, a) => strict(e, a),
  bool: (_d, e, a) => strict(e, a),
  datetime: (d, e, a) =>
    d.repr === "date"
      ? e instanceof Date && a instanceof Date && e.getTime() === a.getTime()
        ? undefined
        : differ(e, a)
      : pair(e, a),
  duration: (_d, e, a) => pair(e, a),
  // Python has one None: null and undefined are the same value.
  none: (_d, e, a) => (e == null && a == null ? undefined : differ(e, a)),
  list: async (d, e, a, child) => {
    if (!Array.isArray(e) || !Array.isArray(a) || e.length !== a.length) return differ(e, a);
    for (let i = 0; i < e.length; i++) {
      const r = await child(d.element, e[i], a[i], i);
      if (r !== undefined) return r;
    }
    return undefined;
  },
  map: async (d, e, a, child) => {
    if (!isObject(e) || !isObject(a)) return differ(e, a);
    const ek = Object.keys(e).sort();
    if (ek.join("\u0000") !== Object.keys(a).sort().join("\u0000"))
      return `keys ${show(Object.keys(a))}, expected ${show(ek)}`;
    for (const k of ek) {
      const r = await child(d.value, e[k], a[k], k);
      if (r !== undefined) return r;
    }
    return undefined;
  },
  union: async (d, e, a, child) => {
    let first: Diff;
    for (const v of d.variants) {
      const r = await child(v, e, a);
      if (r === undefined) return undefined;
      first ??= r;
    }
    return first;
  },
  enum: (_d, e, a) => strict(e, a),
  struct: async (d, e, a, child) => {
    if (!isObject(e) || !isObject(a)) return differ(e, a);
    for (const f of d.fields) {
      const r = await child(f.type, e[f.name], a[f.name], f.name);
      if (r !== undefined) return r;
    }
    if (d.unknownKeys === "passthrough") {
      const known = new Set(d.fields.map((f) => f.name));
      const extra = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).filter(([k, v]) => !known.has(k) && v !== undefined));
      if (!sameUntyped(extra(e), extra(a))) return differ(extra(e), extra(a));
    }
    return undefined;
  },
  untyped: (_d, e, a) => (sameUntyped(e, a) ? undefined : differ(e, a)),
  literal: (_d, e, a) => strict(e, a),
  hashed: (d, e, a, child) => child(d.inner, e, a),
  file: async (_d, e, a) => {
    const [x, y] = await Promise.all([(e as FlyteFile).bytes(), (a as FlyteFile).bytes()]);
    return Buffer.from(x).equals(Buffer.from(y))
      ? undefined
      : `file ${(a as FlyteFile).uri} differs from ${(e as FlyteFile).uri}`;
  },
  directory: async (_d, e, a) => {
    const [x, y] = await Promise.all([filesOf(e as FlyteDirectory), filesOf(a as FlyteDirectory)]);
    const same = x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
    return same
      ? undefined
      : `directory ${(a as FlyteDirectory).uri} holds ${show([...y.keys()])}, expected ${show([...x.keys()])}`;
  },
  dataset: async (_d, e, a) => {
    const [x, y] = await Promise.all([
      (e as StructuredDataset).open(ArrowTable).all(),
      (a as StructuredDataset).open(ArrowTable).all(),
    ]);
    return tableDifference(x, y);
  },
  custom: (d, e, a) => {
    const t = d.transformer;
    if (t.equals !== undefined) return t.equals(e, a) ? undefined : differ(e, a);
    return sameFields(e, a) ? undefined : `a ${t.name} value that differs: ${differ(e, a)}`;
  },
  // The registration's own equality if it has one, else the same wire value.
  mapped: (d, e, a, child) => {
    const same = d.mapped?.equals;
    if (same !== undefined) return same(e, a) ? undefined : differ(e, a);
    return child(d.inner, d.toWire(e), d.toWire(a));
  },
};

/**
 * Where `actual` differs from `expected` as values of `desc` ("at value.a[2]: 3, expected 4"), or undefined
 * when they are the same value.
 */
export async function difference(desc: TypeDesc, expected: unknown, actual: unknown, root = "value"): Promise<Diff> {
  const path: PathSegment[] = [];
  const child = async (d: TypeDesc, e: unknown, a: unknown, at?: PathSegment): Promise<Diff> => {
    if (at !== undefined) path.push(at);
    try {
      // A comparison that cannot apply (a variant tried on a value of another) is a difference, not a crash.
      const r = await Promise.resolve()
        .then(() => (SAME[d.kind] as Same<Kind>)(d as never, e, a, child))
        .catch((err: unknown) => `${differ(e, a)} (${err instanceof Error ? err.message : String(err)})`);
      return r === undefined || r.startsWith("at ") ? r : `at ${formatPath(root, path)}: ${r}`;
    } finally {
      if (at !== undefined) path.pop();
    }
  };
  return child(desc, expected, actual);
}
