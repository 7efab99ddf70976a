// The literal model, light: the generated flyteidl message types (types only), the two enums the engine uses, and
// constructors for the literals the engine makes by the million. protobuf-es messages are plain objects, so
// building them directly needs neither create() nor the protobuf runtime: importing this module loads no
// descriptors, which keeps `import("flyte-types")` cheap. Schemas, binary and JSON forms are in descriptors.ts.
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import type {
  Binary,
  Blob,
  Literal,
  LiteralCollection,
  LiteralMap,
  LiteralOffloadedMetadata,
  Primitive,
  Scalar,
  StructuredDataset,
  Union,
  Void,
} from "../gen/flyteidl/core/literals_pb.js";
import type {
  BlobType,
  BlobType_BlobDimensionality as GenBlobDimensionality,
  SimpleType as GenSimpleType,
  LiteralType,
  StructuredDatasetType,
  StructuredDatasetType_DatasetColumn,
  TypeStructure,
  UnionType,
} from "../gen/flyteidl/core/types_pb.js";

export type * from "../gen/flyteidl/core/artifact_id_pb.js";
export type * from "../gen/flyteidl/core/interface_pb.js";
export type * from "../gen/flyteidl/core/literals_pb.js";
export type * from "../gen/flyteidl/core/types_pb.js";

/** A numeric TypeScript enum's object (names to values and values back to names), built without its module. */
function numericEnum<E>(names: readonly string[]): E {
  const e: Record<string | number, string | number> = {};
  names.forEach((name, value) => {
    e[name] = value;
    e[value] = name;
  });
  return Object.freeze(e) as E;
}

/**
 * flyteidl's SimpleType: a frozen object equal to the generated enum (test/literal/model-light.test.ts checks it),
 * not the same object; `flyte-types/model` exports the generated one.
 */
export const SimpleType = numericEnum<typeof GenSimpleType>([
  "NONE",
  "INTEGER",
  "FLOAT",
  "STRING",
  "BOOLEAN",
  "DATETIME",
  "DURATION",
  "BINARY",
  "ERROR",
  "STRUCT",
]);
export type SimpleType = GenSimpleType;

/** flyteidl's BlobType.BlobDimensionality: SINGLE (a file) or MULTIPART (a directory). */
export const BlobType_BlobDimensionality = numericEnum<typeof GenBlobDimensionality>(["SINGLE", "MULTIPART"]);
export type BlobType_BlobDimensionality = GenBlobDimensionality;

function literal(value: Literal["value"]): Literal {
  return { $typeName: "flyteidl.core.Literal", value, hash: "", metadata: {} };
}

function scalar(value: Scalar["value"]): Literal {
  return literal({ case: "scalar", value: { $typeName: "flyteidl.core.Scalar", value } });
}

function primitive(value: Primitive["value"]): Literal {
  return scalar({ case: "primitive", value: { $typeName: "flyteidl.core.Primitive", value } });
}

/** Literal constructors. Each returns a fresh message equal to what `create(LiteralSchema, …)` builds. */
export const lit = {
  /** An INTEGER literal (int64). */
  integer: (v: bigint) => primitive({ case: "integer", value: v }),
  /** A FLOAT literal (a double). */
  float: (v: number) => primitive({ case: "floatValue", value: v }),
  /** A STRING literal. */
  string: (v: string) => primitive({ case: "stringValue", value: v }),
  /** A BOOLEAN literal. */
  boolean: (v: boolean) => primitive({ case: "boolean", value: v }),
  /** A DATETIME literal from seconds since the epoch (UTC) and nanos in [0, 1e9); neither normalised nor checked. */
  datetime: (v: { seconds: bigint; nanos: number }) =>
    primitive({ case: "datetime", value: { $typeName: "google.protobuf.Timestamp", ...v } as Timestamp }),
  /** A DURATION literal from seconds and nanos of one sign; neither normalised nor checked. */
  duration: (v: { seconds: bigint; nanos: number }) =>
    primitive({ case: "duration", value: { $typeName: "google.protobuf.Duration", ...v } as Duration }),
  /** A none literal (Void): Python's None. */
  none: () => scalar({ case: "noneType", value: { $typeName: "flyteidl.core.Void" } as Void }),
  /** A binary scalar: `value` encoded as `tag` says ("msgpack" for records and dicts). */
  binary: (value: Uint8Array, tag: string) =>
    scalar({ case: "binary", value: { $typeName: "flyteidl.core.Binary", value, tag } as Binary }),
  /** A collection literal of `literals`, in order (the array is used as given, not copied). */
  collection: (literals: Literal[]) =>
    literal({
      case: "collection",
      value: { $typeName: "flyteidl.core.LiteralCollection", literals } as LiteralCollection,
    }),
  /** A map literal of literals by string key (the object is used as given, not copied). */
  map: (literals: { [key: string]: Literal }) =>
    literal({ case: "map", value: { $typeName: "flyteidl.core.LiteralMap", literals } as LiteralMap }),
  /** A file (SINGLE) or directory (MULTIPART) at `uri`. */
  blob: (uri: string, format: string, multipart: boolean) =>
    scalar({
      case: "blob",
      value: {
        $typeName: "flyteidl.core.Blob",
        uri,
        metadata: { $typeName: "flyteidl.core.BlobMetadata", type: blobType(format, multipart) },
      } as Blob,
    }),
  /** A literal stored elsewhere: `uri` holds its bytes (`sizeBytes` of them), `inferredType` its LiteralType. */
  offloaded: (uri: string, sizeBytes: bigint, inferredType: LiteralType) =>
    literal({
      case: "offloadedMetadata",
      value: {
        $typeName: "flyteidl.core.LiteralOffloadedMetadata",
        uri,
        sizeBytes,
        inferredType,
      } as LiteralOffloadedMetadata,
    }),
  /** A StructuredDataset at `uri`, carrying its type (format, columns) in its metadata. */
  structuredDataset: (uri: string, type: StructuredDatasetType) =>
    scalar({
      case: "structuredDataset",
      value: {
        $typeName: "flyteidl.core.StructuredDataset",
        uri,
        metadata: { $typeName: "flyteidl.core.StructuredDatasetMetadata", structuredDatasetType: type },
      } as StructuredDataset,
    }),
  /** A union literal: the variant's literal and its LiteralType, tagged with the variant's name (`ltype.tagged`). */
  union: (value: Literal, type: LiteralType) =>
    scalar({ case: "union", value: { $typeName: "flyteidl.core.Union", value, type } as Union }),
  /** A LiteralMap message, not a Literal: a task's inputs or outputs by name. */
  literalMap: (literals: { [key: string]: Literal }): LiteralMap => ({
    $typeName: "flyteidl.core.LiteralMap",
    literals,
  }),
};

function literalType(type: LiteralType["type"], structure?: TypeStructure): LiteralType {
  const lt: LiteralType = { $typeName: "flyteidl.core.LiteralType", type };
  if (structure !== undefined) lt.structure = structure;
  return lt;
}

/** A StructuredDatasetType; empty columns and external schema are what flytekit's `to_flyte_idl` writes too. */
export function datasetType(
  format: string,
  columns: readonly { readonly name: string; readonly literalType: LiteralType }[],
  externalSchemaType = "",
  externalSchemaBytes: Uint8Array = new Uint8Array(0),
): StructuredDatasetType {
  return {
    $typeName: "flyteidl.core.StructuredDatasetType",
    format,
    columns: columns.map((c) => ({
      $typeName: "flyteidl.core.StructuredDatasetType.DatasetColumn",
      name: c.name,
      literalType: c.literalType,
    })) as StructuredDatasetType_DatasetColumn[],
    externalSchemaType,
    externalSchemaBytes,
  };
}

function blobType(format: string, multipart: boolean): BlobType {
  return {
    $typeName: "flyteidl.core.BlobType",
    format,
    dimensionality: multipart ? BlobType_BlobDimensionality.MULTIPART : BlobType_BlobDimensionality.SINGLE,
  };
}

/** LiteralType constructors. */
export const ltype = {
  /** A simple type, by SimpleType value (INTEGER, STRUCT…). */
  simple: (v: number) => literalType({ case: "simple", value: v }),
  /** A list whose elements are of type `element`. */
  collection: (element: LiteralType) => literalType({ case: "collectionType", value: element }),
  /** A map from string keys to values of type `value`. */
  map: (value: LiteralType) => literalType({ case: "mapValueType", value }),
  /** A file (`multipart` false: SINGLE) or directory (MULTIPART) of `format` ("" for any). */
  blob: (format: string, multipart: boolean) => literalType({ case: "blob", value: blobType(format, multipart) }),
  /** An enum of `values`, in order; its values travel as strings. */
  enum: (values: string[]) => literalType({ case: "enumType", value: { $typeName: "flyteidl.core.EnumType", values } }),
  /** A StructuredDataset type (see `datasetType`). */
  structuredDataset: (type: StructuredDatasetType) => literalType({ case: "structuredDatasetType", value: type }),
  /** A union of `variants`, each tagged with `ltype.tagged` as flytekit tags them. */
  union: (variants: LiteralType[]) =>
    literalType({ case: "unionType", value: { $typeName: "flyteidl.core.UnionType", variants } as UnionType }),
  /** A copy of `lt` whose structure is `{tag}` only, as flytekit's `_add_tag_to_type` makes union variants. */
  tagged: (lt: LiteralType, tag: string): LiteralType => ({
    ...lt,
    structure: { $typeName: "flyteidl.core.TypeStructure", tag, dataclassType: {} },
  }),
};
