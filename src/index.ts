// flyte-types: Flyte's type system for TypeScript. zod schemas ⇄ flyteidl literals, wire-exact with flytekit.
import type { DatasetRegistry } from "./dataset/registry.js";
import { createDefaultDatasetRegistry, createDefaultRegistry } from "./default-registry.js";
import { createEngine, type TypeEngine } from "./engine.js";
import type { Registry } from "./registry.js";
import { defaultStorage } from "./storage/default.js";
import { Storage, type StorageOptions } from "./storage/storage.js";

export interface TypeEngineOptions {
  /** The registry to use; default: a new registry with the built-in kinds. */
  readonly registry?: Registry;
  /**
   * Where files go and come from: a Storage, or options for one. Default: local files under ./.flyte-data, and
   * S3 configured from the environment.
   */
  readonly storage?: Storage | StorageOptions;
  /** The data-frame handlers for StructuredDatasets; default: a new registry with the built-in ones (Arrow ⇄ Parquet). */
  readonly datasets?: DatasetRegistry;
}

/** A type engine over `options.registry`, or over a fresh default registry. */
export function createTypeEngine(options: TypeEngineOptions = {}): TypeEngine {
  const s = options.storage;
  const storage = s === undefined ? defaultStorage() : s instanceof Storage ? s : new Storage(s);
  return createEngine(
    options.registry ?? createDefaultRegistry(),
    storage,
    options.datasets ?? createDefaultDatasetRegistry(),
  );
}

export type { Codec, KindHandler, KindTable } from "./codec.js";
export type { Compiled, TypeSpec } from "./compile.js";
export type { ConvertOptions } from "./context.js";
export type { InputOf, ValueOf } from "./convert.js";
export { arrowSchemaText, columnsFromArrow, columnsFromZod } from "./dataset/columns.js";
export {
  ArrowTable,
  defineFrame,
  type FrameAll,
  type FrameBatch,
  type FrameData,
  type FrameKind,
} from "./dataset/frame.js";
export {
  createDatasetRegistry,
  type DatasetDecoder,
  type DatasetEncoder,
  type DatasetRegisterOptions,
  type DatasetRegistry,
  type DecodeSource,
  type EncodeTarget,
} from "./dataset/registry.js";
export {
  type DatasetColumn,
  type DatasetHandleOptions,
  type DatasetReader,
  type IterOptions,
  StructuredDataset,
} from "./dataset/structured-dataset.js";
export { createDefaultDatasetRegistry, createDefaultRegistry } from "./default-registry.js";
export type { Kind, TypeDesc } from "./descriptor.js";
export type { TypeEngine } from "./engine.js";
export { ErrorCode, FlyteTypeError, type Issue } from "./errors.js";
export { type FileOptions, FlyteDirectory, FlyteFile, type HandleOptions } from "./files.js";
export type { InputValues, InterfaceSpec, TypedIO, Values } from "./interface.js";
export { primitiveOf } from "./literal-read.js";
export { literalTypeKey, typesCastable } from "./literal-types.js";
export type { Literal, LiteralMap, LiteralType, TypedInterface } from "./model.js";
export * as model from "./model.js";
export { lit, ltype, SimpleType } from "./model.js";
export { hasOffloaded, type OffloadOptions, offloadFromEnv, offloadLiteral, resolveOffloaded } from "./offload.js";
export { computeHashString } from "./pbhash.js";
export { createRegistry, type RegisterOptions, type Registry } from "./registry.js";
export {
  type BlobTypeOptions,
  type DatasetTypeOptions,
  dataclass,
  directory,
  duration,
  file,
  pydanticModel,
  structuredDataset,
  timestamp,
  withHash,
} from "./schemas.js";
export type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./storage/backend.js";
export { defaultStorage } from "./storage/default.js";
export type { S3Options } from "./storage/s3.js";
export { Storage, type StorageOptions } from "./storage/storage.js";
export {
  type Duration,
  durationFromMillis,
  normalizeDuration,
  normalizeTimestamp,
  type Timestamp,
  timestampFromDate,
  timestampToDate,
} from "./time.js";
export type { Class, Transformer, TransformerKey } from "./transformer.js";
export {
  decodeLiteral,
  decodeLiteralMap,
  decodeLiteralType,
  type EncodeOptions,
  encodeLiteral,
  encodeLiteralMap,
  encodeLiteralType,
} from "./wire.js";
