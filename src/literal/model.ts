// The literal model: the generated flyteidl messages, plus constructors for the literals the engine makes by
// the million. protobuf-es messages are plain objects; building them directly skips create()'s per-field work.
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
import {
  type BlobType,
  BlobType_BlobDimensionality,
  type LiteralType,
  type StructuredDatasetType,
  type StructuredDatasetType_DatasetColumn,
  type TypeStructure,
  type UnionType,
} from "../gen/flyteidl/core/types_pb.js";

export * from "../gen/flyteidl/core/artifact_id_pb.js";
export * from "../gen/flyteidl/core/interface_pb.js";
export * from "../gen/flyteidl/core/literals_pb.js";
export * from "../gen/flyteidl/core/types_pb.js";

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
  integer: (v: bigint) => primitive({ case: "integer", value: v }),
  float: (v: number) => primitive({ case: "floatValue", value: v }),
  string: (v: string) => primitive({ case: "stringValue", value: v }),
  boolean: (v: boolean) => primitive({ case: "boolean", value: v }),
  datetime: (v: { seconds: bigint; nanos: number }) =>
    primitive({ case: "datetime", value: { $typeName: "google.protobuf.Timestamp", ...v } as Timestamp }),
  duration: (v: { seconds: bigint; nanos: number }) =>
    primitive({ case: "duration", value: { $typeName: "google.protobuf.Duration", ...v } as Duration }),
  none: () => scalar({ case: "noneType", value: { $typeName: "flyteidl.core.Void" } as Void }),
  binary: (value: Uint8Array, tag: string) =>
    scalar({ case: "binary", value: { $typeName: "flyteidl.core.Binary", value, tag } as Binary }),
  collection: (literals: Literal[]) =>
    literal({
      case: "collection",
      value: { $typeName: "flyteidl.core.LiteralCollection", literals } as LiteralCollection,
    }),
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
  union: (value: Literal, type: LiteralType) =>
    scalar({ case: "union", value: { $typeName: "flyteidl.core.Union", value, type } as Union }),
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
  simple: (v: number) => literalType({ case: "simple", value: v }),
  collection: (element: LiteralType) => literalType({ case: "collectionType", value: element }),
  map: (value: LiteralType) => literalType({ case: "mapValueType", value }),
  blob: (format: string, multipart: boolean) => literalType({ case: "blob", value: blobType(format, multipart) }),
  enum: (values: string[]) => literalType({ case: "enumType", value: { $typeName: "flyteidl.core.EnumType", values } }),
  structuredDataset: (type: StructuredDatasetType) => literalType({ case: "structuredDatasetType", value: type }),
  union: (variants: LiteralType[]) =>
    literalType({ case: "unionType", value: { $typeName: "flyteidl.core.UnionType", variants } as UnionType }),
  /** A copy of `lt` whose structure is `{tag}` only, as flytekit's `_add_tag_to_type` makes union variants. */
  tagged: (lt: LiteralType, tag: string): LiteralType => ({
    ...lt,
    structure: { $typeName: "flyteidl.core.TypeStructure", tag, dataclassType: {} },
  }),
};
