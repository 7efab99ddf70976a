// Enums in the order their values were given: what guessType builds from a Python LiteralType's enum values.
import { z } from "zod";

/** A key JS objects put before the others (an array index), whatever the order it was added in. */
const isIndexKey = (k: string): boolean => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;

/**
 * `z.enum` over `values` in their order. `z.enum(["b", "1"])` holds ["1", "b"]: its entries object puts
 * integer-like keys first. Keyed by each value, or by `_` + value where that is integer-like, it keeps them as
 * given (as `z.enum({ A: "b", B: "1" })`, written with a Python enum's member names, does).
 */
export function orderedEnum(values: readonly [string, ...string[]]): z.ZodEnum {
  const taken = new Set<string>(values);
  const entries = values.map((v): [string, string] => {
    let key = v;
    while (isIndexKey(key) || (key !== v && taken.has(key))) key = `_${key}`;
    taken.add(key);
    return [key, v];
  });
  return z.enum(Object.fromEntries(entries));
}
