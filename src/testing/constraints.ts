// The value constraints a zod leaf declares (min, max, length, formats), read from its checks so generated values
// satisfy them by construction; whatever is not understood here is left to a filter by zod itself.
import fc from "fast-check";
import type * as core from "zod/v4/core";
import { checksOf, defOf } from "../codec/zod-reader.js";

/** Whether every check of `s` is one the generators below honour, so no filter is needed. */
export function fullyConstrained(s: core.$ZodType): boolean {
  const def = defOf(s);
  const known = new Set(["greater_than", "less_than", "number_format", "min_length", "max_length", "length_equals"]);
  const formats = new Set([undefined, "safeint", "int32", "uint32", "float64", "int64"]);
  return (
    (def.type !== "string" || def.format === undefined) &&
    formats.has(def.type === "string" ? undefined : def.format) &&
    checksOf(s).every((c) => known.has(c.check))
  );
}

/** Bounds from greater_than / less_than checks and integer formats, within `lo..hi`. */
function bounds<N extends number | bigint>(s: core.$ZodType, lo: N, hi: N, step: N): { min: N; max: N } {
  let min = lo;
  let max = hi;
  const def = defOf(s);
  const formats: Record<string, [number, number]> = { int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1] };
  const f = def.format === undefined ? undefined : formats[def.format];
  const at = (x: number) => (typeof lo === "bigint" ? BigInt(x) : x) as N;
  if (f !== undefined) [min, max] = [at(Math.max(Number(lo), f[0])), at(Math.min(Number(hi), f[1]))];
  for (const c of checksOf(s)) {
    if (c.value === undefined) continue;
    const v = (typeof lo === "bigint" ? BigInt(c.value) : Number(c.value)) as N;
    if (c.check === "greater_than") {
      const m = (c.inclusive ? v : (v as number) + (step as number)) as N;
      if (m > min) min = m;
    } else if (c.check === "less_than") {
      const m = (c.inclusive ? v : (v as number) - (step as number)) as N;
      if (m < max) max = m;
    }
  }
  return { min, max };
}

export function intArbitrary(s: core.$ZodType | undefined): fc.Arbitrary<number> {
  const { min, max } =
    s === undefined
      ? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }
      : bounds(s, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
}

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

export function bigintArbitrary(s: core.$ZodType | undefined): fc.Arbitrary<bigint> {
  return fc.bigInt(s === undefined ? INT64 : bounds(s, INT64.min, INT64.max, 1n));
}

export function floatArbitrary(s: core.$ZodType | undefined): fc.Arbitrary<number> {
  const b = s === undefined ? undefined : bounds(s, -Number.MAX_VALUE, Number.MAX_VALUE, 0);
  const exclusive = s !== undefined && checksOf(s).some((c) => c.value !== undefined && c.inclusive === false);
  // zod's z.number() refuses NaN and ±Infinity, so values it accepts are finite.
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(b === undefined ? {} : { min: b.min, max: b.max, minExcluded: exclusive, maxExcluded: exclusive }),
  });
}

export function stringArbitrary(s: core.$ZodType | undefined): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = 24;
  const def = s === undefined ? undefined : defOf(s);
  for (const c of s === undefined ? [] : checksOf(s)) {
    if (c.check === "min_length" && c.minimum !== undefined) minLength = c.minimum;
    if (c.check === "max_length" && c.maximum !== undefined) maxLength = c.maximum;
    if (c.check === "length_equals" && c.length !== undefined) minLength = maxLength = c.length;
  }
  maxLength = Math.max(minLength, maxLength);
  const regex = def?.pattern ?? (s === undefined ? undefined : checksOf(s).find((c) => c.pattern)?.pattern);
  if (def?.format === "url") return fc.webUrl();
  if (regex !== undefined) return fc.stringMatching(regex);
  // Whole code points: a lone surrogate has no UTF-8 form, so no Flyte SDK can carry it.
  return fc.string({ unit: "binary", minLength, maxLength });
}
