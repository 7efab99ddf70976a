// Schemas that stand for a Flyte type of their own (timestamp(), duration(), later file(), dataset()…) are marked
// here by identity, as are records written the dataclass way, types with a hash function and factory defaults.
// Zod clones schemas on .describe()/.meta(); the compiler follows `_zod.parent` back to the mark.

import type { SchemaStyle } from "../msgpack/json-schema.js";
import type { TypeDesc } from "./descriptor.js";
import { parentOf } from "./zod-reader.js";

const marks = new WeakMap<object, TypeDesc>();
const styles = new WeakMap<object, SchemaStyle>();
const hashes = new WeakMap<object, (value: unknown) => string>();

/** The first value `map` holds for `schema` or one of the schemas it was cloned from. */
function find<V>(map: WeakMap<object, V>, schema: object): V | undefined {
  for (let cur: object | undefined = schema; cur !== undefined; cur = parentOf(cur)) {
    const v = map.get(cur);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function markSchema<S extends object>(schema: S, desc: TypeDesc): S {
  marks.set(schema, desc);
  return schema;
}

export function markOf(schema: object): TypeDesc | undefined {
  return marks.get(schema);
}

export function markStyle<S extends object>(schema: S, style: SchemaStyle): S {
  styles.set(schema, style);
  return schema;
}

export const styleOf = (schema: object): SchemaStyle | undefined => find(styles, schema);

export function markHash<S extends object>(schema: S, hash: (value: unknown) => string): S {
  hashes.set(schema, hash);
  return schema;
}

export const hashOf = (schema: object): ((value: unknown) => string) | undefined => find(hashes, schema);

/** `.default()`s made by `defaultFactory()`: zod keeps a factory and a value behind one getter, so we mark them. */
const factories = new WeakMap<object, true>();

export function markFactoryDefault<S extends object>(schema: S): S {
  factories.set(schema, true);
  return schema;
}

export const isFactoryDefault = (schema: object): boolean => find(factories, schema) === true;
