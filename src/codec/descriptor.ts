// Type descriptors: plain readonly data with a `kind`, compiled once from a zod schema (or registered class).
// Every operation over kinds is a table keyed by Kind, so adding a kind fails to compile wherever it is missing.
import type { DatasetColumn } from "../dataset/structured-dataset.js";
import type { SchemaStyle } from "../msgpack/json-schema.js";
import type { AnyMappedType, Transformer } from "./transformer.js";

/** One field of a record, in declaration order. */
export interface FieldDesc {
  /** The record key, as declared in the `z.object` shape (and as Python's field name). */
  readonly name: string;
  /** The field's type, with `.optional()`/`.nullable()` already folded into a union with NONE. */
  readonly type: TypeDesc;
  /** The key may be absent (`.optional()`, `.default()`): not in the JSON Schema's `required`. */
  readonly optional: boolean;
  /** The zod `.default()`, used when the key is absent; `hasDefault` tells a default of undefined from none. */
  readonly hasDefault: boolean;
  /** The default value zod reports when `hasDefault`; written as the field's `default` in the JSON Schema. */
  readonly default?: unknown;
  /** The default for one value read: fresh on each call (zod's getter runs the factory or copies the value). */
  readonly makeDefault?: () => unknown;
  /** Made by `defaultFactory()` (Python's `default_factory`): the JSON Schema names no default, as Python's. */
  readonly factoryDefault?: boolean;
  /** The field schema's `.describe()`/`.meta({ description })`, written into its JSON Schema property. */
  readonly description?: string;
}

/**
 * A compiled type: plain readonly data discriminated by `kind`, made once per zod schema (or registered class) and
 * then compiled into a codec by the kind's handler.
 */
export type TypeDesc =
  | {
      /** INTEGER (int64). */
      readonly kind: "int";
      /** The JS value: `number` (`z.int()`, the safe integer range) or `bigint` (`z.bigint()`, all of int64). */
      readonly repr: "number" | "bigint";
    }
  | {
      /** FLOAT (a double): `z.number()` without an integer format. */
      readonly kind: "float";
    }
  | {
      /** STRING: `z.string()`. */
      readonly kind: "string";
    }
  | {
      /** BOOLEAN: `z.boolean()`. */
      readonly kind: "bool";
    }
  | {
      /** DATETIME, always UTC on the wire. */
      readonly kind: "datetime";
      /** The JS value: a `Date` (`z.date()`, milliseconds) or a `Timestamp` (`timestamp()`, nanoseconds). */
      readonly repr: "date" | "timestamp";
    }
  | {
      /** DURATION at nanosecond precision: `duration()`, values are `Duration`s. */
      readonly kind: "duration";
    }
  | {
      /** NONE (Python's None): `z.null()`, `z.undefined()` and the none variant of `.nullable()`/`.optional()`. */
      readonly kind: "none";
      /** What a NONE literal is read back as: `null` or `undefined`; both are written as NONE. */
      readonly repr: "null" | "undefined";
    }
  | {
      /** A collection literal: `z.array()`. */
      readonly kind: "list";
      /** The type of every element. */
      readonly element: TypeDesc;
    }
  | {
      /** A map: `z.record(z.string() | z.int(), …)`. */
      readonly kind: "map";
      /** The type of every value. */
      readonly value: TypeDesc;
      /** The key type: `string` (Python's `Dict[str, T]`) or `int` (`Dict[int, T]`, only as msgpack STRUCT). */
      readonly keys: "string" | "int";
      /** Written as one msgpack STRUCT (int keys, or the expected type says STRUCT) instead of a LiteralMap. */
      readonly msgpack: boolean;
    }
  | {
      /** A union literal carrying its variant's tag: `z.union()`, `.optional()`, `.nullable()`. */
      readonly kind: "union";
      /** The variants, flattened (no nested unions) and with at most one NONE, as Python's `typing.Union`. */
      readonly variants: readonly TypeDesc[];
    }
  | {
      /** An `enum_type` whose values travel as strings: `z.enum()` with string values. */
      readonly kind: "enum";
      /** The allowed values, in the enum's declaration order. */
      readonly values: readonly string[];
      /** The enum's `.meta()` title or id: its `$defs` name in a pydantic JSON Schema; inline when undefined. */
      readonly title?: string;
    }
  /** A record (`z.object`): a STRUCT literal holding msgpack, its LiteralType carrying a JSON Schema. */
  | {
      /** `z.object()`, `z.strictObject()` or `z.looseObject()`; `dataclass()` and `pydanticModel()` set its style. */
      readonly kind: "struct";
      /** The declared fields, in declaration order. */
      readonly fields: readonly FieldDesc[];
      /**
       * The class name in the JSON Schema (and pydantic's `$defs`): the `.meta()` title or id, else the last segment
       * of its path (usually its field name) in PascalCase, else `Record`.
       */
      readonly title: string;
      /** The record schema's `.describe()`/`.meta({ description })`, written as the JSON Schema's `description`. */
      readonly description?: string;
      /** How the JSON Schema and union tag are written: a pydantic model (default) or a `dataclass()`. */
      readonly style: SchemaStyle;
      /** Keys the schema does not declare: dropped (z.object), refused (z.strictObject) or kept (z.looseObject). */
      readonly unknownKeys: "strip" | "strict" | "passthrough";
    }
  /** Untyped data as msgpack STRUCT, like Python's bare `dict` (`object`) or `typing.Any` inside a record (`any`). */
  | {
      /** `z.unknown()`, `z.any()`, `z.json()` and `z.record(z.string(), z.unknown())`. */
      readonly kind: "untyped";
      /** `object`: a string-keyed record of anything (Python's `dict`); `any`: any value (`typing.Any`). */
      readonly shape: "object" | "any";
    }
  /** A value set (`z.literal`), as Python's `typing.Literal`: its base type plus a `literal_values` annotation. */
  | {
      /** `z.literal()`, and unions of literals of one base type (merged into one set). */
      readonly kind: "literal";
      /** The type the values travel as (a number set with any non-integer value is `float`). */
      readonly base: "string" | "int" | "float" | "bool";
      /** The allowed values; any other value is refused. */
      readonly values: readonly (string | number | boolean)[];
    }
  /** A type whose literals carry `Literal.hash`, computed from the value (flytekit's HashMethod). */
  | {
      /** Made by `withHash()`. */
      readonly kind: "hashed";
      /** The type the value is written as; the hash only adds `Literal.hash`. */
      readonly inner: TypeDesc;
      /** The user's hash function, called with the value on write; must return a string. */
      readonly hash: (value: unknown) => string;
    }
  /** A file (SINGLE blob) or directory (MULTIPART blob) in storage, read back as a lazy handle. */
  | {
      /** A single file: `file()`, read back as a `FlyteFile`. */
      readonly kind: "file";
      /** The blob format (e.g. `"csv"`); "" for any. */
      readonly format: string;
    }
  | {
      /** A directory: `directory()`, read back as a `FlyteDirectory`. */
      readonly kind: "directory";
      /** The blob format of the directory; "" for any. */
      readonly format: string;
    }
  /** A StructuredDataset: columns and format as declared (none and "" for any), read back as a lazy handle. */
  | {
      /** Made by `structuredDataset()`. */
      readonly kind: "dataset";
      /** The storage format (e.g. `"parquet"`); "" for any (the frame kind's default format is written). */
      readonly format: string;
      /** The declared columns; empty for any. A reader that declares columns reads only those. */
      readonly columns: readonly DatasetColumn[];
      /** The StructuredDatasetType's `external_schema_type`: `"arrow"` when declared by an Arrow schema, else "". */
      readonly externalSchemaType: string;
      /** The StructuredDatasetType's `external_schema_bytes`: pyarrow's `Schema.to_string()` text, or empty. */
      readonly externalSchemaBytes: Uint8Array;
    }
  | {
      /** A class or schema with a registered `Transformer`, which writes its own literal. */
      readonly kind: "custom";
      /** The registered transformer. */
      readonly transformer: Transformer<unknown>;
    }
  /**
   * A value converted to a wire form first (a registered MappedType, or a zod `z.codec`): written exactly as the wire
   * descriptor `inner` writes the wire value. `check` runs the wire schema's own zod checks, when it has any.
   */
  | {
      /** A registered `MappedType` or a zod `z.codec()`. */
      readonly kind: "mapped";
      /** The name errors use: the MappedType's `name`, or a codec's `.meta()` title (else `"z.codec()"`). */
      readonly name: string;
      /** The wire schema's descriptor: the literal, union tag and JSON Schema are its. */
      readonly inner: TypeDesc;
      /** Whether a value is this type's (`instanceof` its class, or its schema parses it); true for a `z.codec()`. */
      readonly isMine: (value: unknown) => boolean;
      /** A value to its wire value; throws to refuse it. */
      readonly toWire: (value: unknown) => unknown;
      /** A checked wire value back to a value; throws to refuse it. */
      readonly fromWire: (wire: unknown) => unknown;
      /** The problems zod finds in a wire value: none means it passed. */
      readonly check?: (wire: unknown) => readonly {
        /** Where in the wire value the problem is (zod's issue path). */
        path: readonly PropertyKey[];
        /** zod's issue message. */
        message: string;
      }[];
      /** The registration, when it is one (the testing kit uses its `equals`). */
      readonly mapped?: AnyMappedType;
    };

/** The name of a type kind (`"int"`, `"struct"`, `"dataset"`…): the key of every table over kinds. */
export type Kind = TypeDesc["kind"];
export type DescOf<K extends Kind> = Extract<TypeDesc, { kind: K }>;
