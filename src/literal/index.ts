/**
 * The flyteidl messages with their schemas (LiteralSchema, LiteralTypeSchema…), their binary and JSON forms, and
 * flytekit's literal hash. Apart from the root entry because it loads the protobuf runtime and the generated
 * descriptors: a program that only converts values never pays for them.
 *
 * @module flyte-types/model
 */
export * from "./descriptors.js";
export { computeHashString } from "./literal-hash.js";
export {
  type JsonValue,
  literalFromJson,
  literalMapFromJson,
  literalMapToJson,
  literalToJson,
  literalTypeFromJson,
  literalTypeToJson,
  typedInterfaceFromJson,
  typedInterfaceToJson,
} from "./literal-json.js";
export { datasetType, lit, ltype } from "./model.js";
export {
  decodeLiteral,
  decodeLiteralMap,
  decodeLiteralType,
  type EncodeOptions,
  encodeLiteral,
  encodeLiteralMap,
  encodeLiteralType,
} from "./wire.js";
