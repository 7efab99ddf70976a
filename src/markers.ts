// Schemas that stand for a Flyte type of their own (timestamp(), duration(), later file(), dataset()…) are marked
// here by identity. Zod clones schemas on .describe()/.meta(); the compiler follows `_zod.parent` back to the mark.
import type { TypeDesc } from "./descriptor.js";

const marks = new WeakMap<object, TypeDesc>();

export function markSchema<S extends object>(schema: S, desc: TypeDesc): S {
  marks.set(schema, desc);
  return schema;
}

export function markOf(schema: object): TypeDesc | undefined {
  return marks.get(schema);
}
