// The STRUCT LiteralTypes Python writes for msgpack data: records (JSON Schema in `metadata`, field types in
// `structure.dataclass_type`) and untyped dicts (the annotation alone).

import { type LiteralType, SimpleType } from "../../src/literal/model.js";
import type { JsonObject } from "../../src/msgpack/json-schema.js";

/** The annotation that tells Flyte's cache the value is msgpack (flytekit's `CacheKeyMetadata`). */
export const MSGPACK_ANNOTATION: JsonObject = { "cache-key-metadata": { "serialization-format": "msgpack" } };

export function structLiteralType(schema?: JsonObject, fields?: { [name: string]: LiteralType }): LiteralType {
  const lt: LiteralType = {
    $typeName: "flyteidl.core.LiteralType",
    type: { case: "simple", value: SimpleType.STRUCT },
    annotation: { $typeName: "flyteidl.core.TypeAnnotation", annotations: MSGPACK_ANNOTATION },
  };
  if (schema !== undefined) lt.metadata = schema;
  if (fields !== undefined) lt.structure = { $typeName: "flyteidl.core.TypeStructure", tag: "", dataclassType: fields };
  return lt;
}
