// The one place defaults are chosen, and the one file in src/ that imports transformers/: the built-in kinds, the
// built-in data-frame handlers and the default storage, assembled into an engine by createTypeEngine().
import { arrowParquet } from "../transformers/datasets/arrow-parquet.js";
import { builtinKinds } from "../transformers/kind-table.js";
import { createDatasetRegistry, type DatasetRegistry } from "./dataset/dataset-registry.js";
import { engineOf, type TypeEngine } from "./engine/engine.js";
import { createRegistry, type Registry } from "./engine/registry.js";
import { Storage, type StorageOptions } from "./storage/storage.js";

/** The parts of a new type engine (`createTypeEngine`); each one not given is made new, with its defaults. */
export interface TypeEngineOptions {
  /** The registry to use; default: a new registry with the built-in kinds. */
  readonly registry?: Registry;
  /**
   * Where files go and come from: a Storage, or options for one. Default: a new Storage over local files under
   * ./.flyte-data, with S3 configured from the environment (making it touches neither disk nor network).
   */
  readonly storage?: Storage | StorageOptions;
  /** The data-frame handlers for StructuredDatasets; default: a new registry with the built-in ones (Arrow ⇄ Parquet). */
  readonly datasets?: DatasetRegistry;
}

const builtinDatasetHandlers = [arrowParquet] as const;

/** A new registry with the built-in kinds and no user transformers. */
export function createDefaultRegistry(): Registry {
  return createRegistry(builtinKinds);
}

/** A new dataset registry with the built-in handlers (Arrow ⇄ Parquet on file and s3). */
export function createDefaultDatasetRegistry(): DatasetRegistry {
  return createDatasetRegistry(builtinDatasetHandlers);
}

/** A type engine; every part not given is a new default, resolved here once and handed down to every call. */
export function createTypeEngine(options: TypeEngineOptions = {}): TypeEngine {
  const s = options.storage;
  return engineOf({
    registry: options.registry ?? createDefaultRegistry(),
    storage: s instanceof Storage ? s : new Storage(s ?? {}),
    datasets: options.datasets ?? createDefaultDatasetRegistry(),
  });
}
