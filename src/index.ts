/**
 * Flyte's type system for TypeScript. zod schemas ⇄ flyteidl literals, wire-exact with flytekit.
 *
 * @module flyte-types
 */
export type { Codec, KindHandler, KindTable } from "./codec/codec.js";
export type { ConvertOptions } from "./codec/context.js";
export type { FieldDesc, Kind, TypeDesc } from "./codec/descriptor.js";
export { primitiveOf } from "./codec/literal-read.js";
export type {
  AnyMappedType,
  Class,
  MappedType,
  Registration,
  Transformer,
  TransformerKey,
} from "./codec/transformer.js";
export {
  createDatasetRegistry,
  type DatasetDecoder,
  type DatasetEncoder,
  type DatasetRegisterOptions,
  type DatasetRegistry,
  type DecodeSource,
  type EncodeTarget,
} from "./dataset/dataset-registry.js";
export {
  ArrowTable,
  defineFrame,
  type FrameAll,
  type FrameBatch,
  type FrameData,
  type FrameKind,
} from "./dataset/frame.js";
export {
  type DatasetColumn,
  type DatasetHandleOptions,
  type DatasetReader,
  type IterOptions,
  type OpenOptions,
  StructuredDataset,
} from "./dataset/structured-dataset.js";
export {
  createDefaultDatasetRegistry,
  createDefaultRegistry,
  createTypeEngine,
  type TypeEngineOptions,
} from "./defaults.js";
export type { Compiled, TypeSpec } from "./engine/compile.js";
export type { InputOf, ValueOf } from "./engine/convert.js";
export {
  type ArrowFieldLike,
  type ArrowSchemaLike,
  type ArrowTypeLike,
  arrowSchemaText,
  columnsFromArrow,
  columnsFromZod,
} from "./engine/dataset-columns.js";
export type { TypeEngine } from "./engine/engine.js";
export { createRegistry, type RegisterOptions, type Registry } from "./engine/registry.js";
export type { InputValues, InterfaceSpec, NoVariables, TypedIO, Values } from "./engine/task-interface.js";
export { ErrorCode, FlyteTypeError, type Issue, isFlyteTypeError } from "./errors/flyte-type-error.js";
export { literalTypeKey, typesCastable } from "./literal/literal-types.js";
// The flyteidl messages' schemas, binary and JSON forms are in "flyte-types/model" (src/literal/index.ts): they
// need the protobuf runtime, which this entry does not load. Their types and the constructors below do not.
export type { Literal, LiteralMap, LiteralType, TypedInterface } from "./literal/model.js";
export { BlobType_BlobDimensionality, datasetType, lit, ltype, SimpleType } from "./literal/model.js";
export {
  hasOffloaded,
  type OffloadOptions,
  offloadFromEnv,
  offloadLiteral,
  type ResolveOptions,
  resolveOffloaded,
} from "./literal/offload.js";
export { readLiteral } from "./literal/read-literal.js";
export type { SchemaStyle } from "./msgpack/json-schema.js";
export {
  type BlobTypeOptions,
  type DatasetTypeOptions,
  dataclass,
  defaultFactory,
  directory,
  duration,
  file,
  pydanticModel,
  structuredDataset,
  timestamp,
  withHash,
} from "./schemas.js";
export type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./storage/backend.js";
export type { Progress, TransferOptions } from "./storage/progress.js";
export type { S3Options } from "./storage/s3.js";
export { Storage, type StorageOptions } from "./storage/storage.js";
export { type FileOptions, FlyteDirectory, FlyteFile, type HandleOptions } from "./values/files.js";
export {
  type Duration,
  durationFromMillis,
  normalizeDuration,
  normalizeTimestamp,
  type Timestamp,
  timestampFromDate,
  timestampToDate,
} from "./values/time.js";
