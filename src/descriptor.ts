// Type descriptors: plain readonly data with a `kind`, compiled once from a zod schema (or registered class).
// Every operation over kinds is a table keyed by Kind, so adding a kind fails to compile wherever it is missing.
import type { Transformer } from "./transformer.js";

export type TypeDesc =
  | { readonly kind: "int"; readonly repr: "number" | "bigint" }
  | { readonly kind: "float" }
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "datetime"; readonly repr: "date" | "timestamp" }
  | { readonly kind: "duration" }
  | { readonly kind: "none"; readonly repr: "null" | "undefined" }
  | { readonly kind: "list"; readonly element: TypeDesc }
  | { readonly kind: "map"; readonly value: TypeDesc }
  | { readonly kind: "union"; readonly variants: readonly TypeDesc[] }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "custom"; readonly transformer: Transformer<unknown> };

export type Kind = TypeDesc["kind"];
export type DescOf<K extends Kind> = Extract<TypeDesc, { kind: K }>;
export const KINDS = [
  "int",
  "float",
  "string",
  "bool",
  "datetime",
  "duration",
  "none",
  "list",
  "map",
  "union",
  "enum",
  "custom",
] as const satisfies readonly Kind[];
