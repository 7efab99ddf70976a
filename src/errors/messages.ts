// Message helpers: every error text is built here so they read the same everywhere.
import type { Literal, LiteralType } from "../literal/model.js";
import { SimpleType } from "../literal/model.js";

const MAX_SHOWN = 40;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** A short description of a JS value: its type and a clipped rendering. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return `string ${clip(JSON.stringify(value))}`;
    case "number":
      return `number ${value}`;
    case "bigint":
      return `bigint ${value}n`;
    case "boolean":
      return `boolean ${value}`;
    case "function":
      return "function";
    case "symbol":
      return "symbol";
    default:
      break;
  }
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (value instanceof Uint8Array) return `Uint8Array of ${value.byteLength} bytes`;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const name = proto?.constructor?.name;
  return name !== undefined && name !== "Object" ? `instance of ${name}` : "object";
}

/** A short description of what a literal holds, e.g. `scalar.primitive.integer 3`. */
export function describeLiteral(literal: Literal): string {
  const v = literal.value;
  switch (v.case) {
    case "collection":
      return `collection of ${v.value.literals.length}`;
    case "map":
      return `map of ${Object.keys(v.value.literals).length}`;
    case "offloadedMetadata":
      return `offloaded literal at ${v.value.uri}`;
    case "scalar": {
      const s = v.value.value;
      switch (s.case) {
        case "primitive": {
          const p = s.value.value;
          if (p.case === undefined) return "empty scalar.primitive";
          return `scalar.primitive.${p.case} ${clip(primitiveText(p))}`;
        }
        case "union":
          return `scalar.union tagged ${JSON.stringify(s.value.type?.structure?.tag ?? "")}`;
        case "binary":
          return `scalar.binary (tag ${JSON.stringify(s.value.tag)}, ${s.value.value.byteLength} bytes)`;
        case undefined:
          return "empty scalar";
        default:
          return `scalar.${s.case}`;
      }
    }
    case undefined:
      return "empty literal";
  }
}

function primitiveText(p: { case: string; value: unknown }): string {
  const v = p.value;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object" && v !== null && "seconds" in v) {
    const t = v as { seconds: bigint; nanos: number };
    return `{seconds: ${t.seconds}, nanos: ${t.nanos}}`;
  }
  return String(v);
}

/** A short description of a literal type, e.g. `INTEGER`, `collection of STRING`. */
export function describeLiteralType(lt: LiteralType | undefined): string {
  if (lt === undefined) return "no type";
  const t = lt.type;
  switch (t.case) {
    case "simple":
      return SimpleType[t.value] ?? `simple ${t.value}`;
    case "collectionType":
      return `collection of ${describeLiteralType(t.value)}`;
    case "mapValueType":
      return `map of ${describeLiteralType(t.value)}`;
    case "unionType":
      return `union of ${t.value.variants.map((x) => describeLiteralType(x)).join(" | ")}`;
    case "enumType":
      return `enum ${JSON.stringify(t.value.values)}`;
    case "blob":
      return `blob ${JSON.stringify(t.value.format)}`;
    case "structuredDatasetType":
      return `structured dataset ${JSON.stringify(t.value.format)}`;
    case "schema":
      return "schema";
    case undefined:
      return "empty type";
  }
}

export const msg = {
  expected: (expected: string, received: string) => `expected ${expected}, received ${received}`,
  outOfRange: (what: string, range: string, hint = "") =>
    `${what} is outside ${range}${hint === "" ? "" : `; ${hint}`}`,
  unknownEnum: (value: string, values: readonly string[]) =>
    `${JSON.stringify(value)} is not one of the enum values ${JSON.stringify(values)}`,
  ambiguous: (tags: readonly string[]) =>
    `ambiguous union: the value fits more than one variant (${tags.join(", ")}); make the variants distinguishable`,
  noVariant: (tags: readonly string[], received: string) => `no union variant (${tags.join(", ")}) accepts ${received}`,
  missing: (name: string) => `missing required value ${JSON.stringify(name)}`,
  unexpected: (name: string, known: readonly string[]) =>
    `unexpected value ${JSON.stringify(name)}; known names: ${known.length === 0 ? "none" : known.join(", ")}`,
  unsupported: (what: string, supported: readonly string[]) =>
    `${what} has no Flyte type; supported: ${supported.join(", ")}`,
  noHandler: (what: string, registered: readonly string[]) =>
    `no ${what}; registered: ${registered.length === 0 ? "none" : registered.join(", ")}`,
  noTransformer: (what: string, registered: readonly string[]) =>
    `no transformer for ${what}; registered: ${registered.length === 0 ? "none" : registered.join(", ")}`,
  duplicateGuess: (key: string, first: string, second: string) =>
    `two built-in kinds guess ${key}: ${first} and ${second}; a LiteralType must have one guess`,
  noStorage: (what: string, uri: string) =>
    `${what} ${uri} was made without a storage to read it with: pass { storage } (an engine will do) or read it through engine.toValue`,
};
