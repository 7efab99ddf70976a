// Questions about LiteralTypes: the one-key lookup used for guessing, and flytekit's castability rule.
import { sameMessage } from "./message-equal.js";
import { BlobType_BlobDimensionality, type LiteralType, SimpleType } from "./model.js";

/** The key a LiteralType is guessed by: `simple:INTEGER`, `collection`, `map`, `union`, `enum`, `blob:single`, `blob:multipart`, `literal`… */
export function literalTypeKey(lt: LiteralType): string {
  const t = lt.type;
  // Python's typing.Literal: a simple type carrying the allowed values.
  if (lt.annotation?.annotations?.literal_values !== undefined) return "literal";
  switch (t.case) {
    case "simple":
      return `simple:${SimpleType[t.value] ?? t.value}`;
    case "collectionType":
      return "collection";
    case "mapValueType":
      return "map";
    case "unionType":
      return "union";
    case "enumType":
      return "enum";
    case "blob":
      // The format is a parameter of the file type, not another type: any SINGLE blob reads as a file.
      return t.value.dimensionality === BlobType_BlobDimensionality.MULTIPART ? "blob:multipart" : "blob:single";
    case "structuredDatasetType":
      return "structuredDataset";
    case "schema":
      return "schema";
    case undefined:
      return "empty";
  }
}

/** The type without metadata, annotation and structure: what flytekit's `_type_essence` compares. */
const essence = (lt: LiteralType): LiteralType => ({
  ...lt,
  metadata: undefined,
  annotation: undefined,
  structure: undefined,
});

/**
 * Whether a value of type `upstream` may be read as `downstream`, after flytekit's `_are_types_castable`: unions
 * on either side, collections and maps element-wise, an enum read as a string, otherwise equal essence.
 */
export function typesCastable(upstream: LiteralType, downstream: LiteralType): boolean {
  const up = upstream.type;
  const down = downstream.type;
  if (up.case === "unionType") return up.value.variants.every((v) => typesCastable(v, downstream));
  if (down.case === "unionType") return down.value.variants.some((v) => typesCastable(upstream, v));
  if (up.case === "collectionType" && down.case === "collectionType") return typesCastable(up.value, down.value);
  if (up.case === "mapValueType" && down.case === "mapValueType") return typesCastable(up.value, down.value);
  if (up.case === "enumType" && down.case === "simple" && down.value === SimpleType.STRING) return true;
  return sameMessage(essence(upstream), essence(downstream));
}
