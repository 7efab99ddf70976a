// flyte-types: Flyte's type system for TypeScript. zod schemas ⇄ flyteidl literals, wire-exact with flytekit.
import { createDefaultRegistry } from "./default-registry.js";
import { createEngine, type TypeEngine } from "./engine.js";
import type { Registry } from "./registry.js";

export interface TypeEngineOptions {
  /** The registry to use; default: a new registry with the built-in kinds. */
  readonly registry?: Registry;
}

/** A type engine over `options.registry`, or over a fresh default registry. */
export function createTypeEngine(options: TypeEngineOptions = {}): TypeEngine {
  return createEngine(options.registry ?? createDefaultRegistry());
}

export type { Codec, KindHandler, KindTable } from "./codec.js";
export type { TypeSpec } from "./compile.js";
export type { ConvertOptions } from "./context.js";
export type { InputOf, ValueOf } from "./convert.js";
export { createDefaultRegistry } from "./default-registry.js";
export type { Kind, TypeDesc } from "./descriptor.js";
export type { TypeEngine } from "./engine.js";
export { ErrorCode, FlyteTypeError, type Issue } from "./errors.js";
export type { InputValues, InterfaceSpec, TypedIO, Values } from "./interface.js";
export { primitiveOf } from "./literal-read.js";
export { literalTypeKey, typesCastable } from "./literal-types.js";
export type { Literal, LiteralMap, LiteralType, TypedInterface } from "./model.js";
export * as model from "./model.js";
export { lit, ltype, SimpleType } from "./model.js";
export { createRegistry, type RegisterOptions, type Registry } from "./registry.js";
export { dataclass, duration, pydanticModel, timestamp, withHash } from "./schemas.js";
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
