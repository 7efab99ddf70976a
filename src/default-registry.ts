// The one place in src/ that imports transformers/: it assembles the registries createTypeEngine() uses by default.
import { arrowParquet } from "../transformers/arrow-parquet.js";
import { builtinKinds } from "../transformers/index.js";
import { installBuiltinDatasetHandlers } from "./dataset/default.js";
import { createDatasetRegistry, type DatasetRegistry } from "./dataset/registry.js";
import { createRegistry, type Registry } from "./registry.js";

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
