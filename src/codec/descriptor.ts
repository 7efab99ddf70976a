// Type descriptors: plain readonly data with a `kind`, compiled once from a zod schema (or registered class).
// Every operation over kinds is a table keyed by Kind, so adding a kind fails to compile wherever it is missing.
import type { DatasetColumn } from "../dataset/structured-dataset.js";
import type { SchemaStyle } from "../msgpack/json-schema.js";
import type { AnyMappedType, Transformer } from "./transformer.js";

/** One field of a record, in declaration order. */
export interface FieldDesc {
  readonly name: string;
  readonly type: TypeDesc;
  /** The key may be absent (`.optional()`, `.default()`): not in the JSON Schema's `required`. */
  readonly optional: boolean;
  /** The zod `.default()`, used when the key is absent; `hasDefault` tells a default of undefined from none. */
  readonly hasDefault: boolean;
  readonly default?: unknown;
  /** The default for one value read: fresh on each call (zod's getter runs the factory or copies the value). */
  readonly makeDefault?: () => unknown;
  /** Made by `defaultFactory()` (Python's `default_factory`): the JSON Schema names no default, as Python's. */
  readonly factoryDefault?: boolean;
  readonly description?: string;
}

export type TypeDesc =
  | { readonly kind: "int"; readonly repr: "number" | "bigint" }
  | { readonly kind: "float" }
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "datetime"; readonly repr: "date" | "timestamp" }
  | { readonly kind: "duration" }
  | { readonly kind: "none"; readonly repr: "null" | "undefined" }
  | { readonly kind: "list"; readonly element: TypeDesc }
  /** `msgpack`: written as a STRUCT (int keys, or because the expected type says STRUCT) instead of a LiteralMap. */
  | { readonly kind: "map"; readonly value: TypeDesc; readonly keys: "string" | "int"; readonly msgpack: boolean }
  | { readonly kind: "union"; readonly variants: readonly TypeDesc[] }
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly title?: string }
  /** A record (`z.object`): a STRUCT literal holding msgpack, its LiteralType carrying a JSON Schema. */
  | {
      readonly kind: "struct";
      readonly fields: readonly FieldDesc[];
      readonly title: string;
      readonly description?: string;
      readonly style: SchemaStyle;
      /** Keys the schema does not declare: dropped (z.object), refused (z.strictObject) or kept (z.looseObject). */
      readonly unknownKeys: "strip" | "strict" | "passthrough";
    }
  /** Untyped data as msgpack STRUCT, like Python's bare `dict` (`object`) or `typing.Any` inside a record (`any`). */
  | { readonly kind: "untyped"; readonly shape: "object" | "any" }
  /** A value set (`z.literal`), as Python's `typing.Literal`: its base type plus a `literal_values` annotation. */
  | {
      readonly kind: "literal";
      readonly base: "string" | "int" | "float" | "bool";
      readonly values: readonly (string | number | boolean)[];
    }
  /** A type whose literals carry `Literal.hash`, computed from the value (flytekit's HashMethod). */
  | { readonly kind: "hashed"; readonly inner: TypeDesc; readonly hash: (value: unknown) => string }
  /** A file (SINGLE blob) or directory (MULTIPART blob) in storage, read back as a lazy handle. */
  | { readonly kind: "file"; readonly format: string }
  | { readonly kind: "directory"; readonly format: string }
  /** A StructuredDataset: columns and format as declared (none and "" for any), read back as a lazy handle. */
  | {
      readonly kind: "dataset";
      readonly format: string;
      readonly columns: readonly DatasetColumn[];
      readonly externalSchemaType: string;
      readonly externalSchemaBytes: Uint8Array;
    }
  | { readonly kind: "custom"; readonly transformer: Transformer<unknown> }
  /**
   * A value converted to a wire form first (a registered MappedType, or a zod `z.codec`): written exactly as the wire
   * descriptor `inner` writes the wire value. `check` runs the wire schema's own zod checks, when it has any.
   */
  | {
      readonly kind: "mapped";
      readonly name: string;
      readonly inner: TypeDesc;
      readonly isMine: (value: unknown) => boolean;
      readonly toWire: (value: unknown) => unknown;
      readonly fromWire: (wire: unknown) => unknown;
      readonly check?: (wire: unknown) => readonly { path: readonly PropertyKey[]; message: string }[];
      /** The registration, when it is one (the testing kit uses its `equals`). */
      readonly mapped?: AnyMappedType;
    };

export type Kind = TypeDesc["kind"];
export type DescOf<K extends Kind> = Extract<TypeDesc, { kind: K }>;
