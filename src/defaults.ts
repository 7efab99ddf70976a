// The one place in src/ that imports transformers/: it assembles the registries createTypeEngine() uses by default.
import { arrowParquet } from "../transformers/datasets/arrow-parquet.js";
import { builtinKinds } from "../transformers/kind-table.js";
import { createDatasetRegistry, type DatasetRegistry } from "./dataset/dataset-registry.js";
import { installBuiltinDatasetHandlers } from "./dataset/default-datasets.js";
import { createRegistry, type Registry } from "./engine/registry.js";

const builtinDatasetHandlers = [arrowParquet] as const;
installBuiltinDatasetHandlers(builtinDatasetHandlers);

/** A new registry with the built-in kinds and no user transformers. */
export function createDefaultRegistry(): Registry {
  return createRegistry(builtinKinds);
}

/** A new dataset registry with the built-in handlers (Arrow ⇄ Parquet on file and s3). */
export function createDefaultDatasetRegistry(): DatasetRegistry {
  return createDatasetRegistry(builtinDatasetHandlers);
}
