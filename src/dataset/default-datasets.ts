// The process-wide dataset registry, for calls and handles given none. Its built-in handlers are installed by the
// package entry (src/defaults.ts), the one core file that may import transformers/.
import {
  createDatasetRegistry,
  type DatasetDecoder,
  type DatasetEncoder,
  type DatasetRegistry,
} from "./dataset-registry.js";

export interface DatasetHandlerPair {
  readonly encoder?: DatasetEncoder<never, never>;
  readonly decoder?: DatasetDecoder<unknown, unknown>;
}

let builtins: readonly DatasetHandlerPair[] = [];
let shared: DatasetRegistry | undefined;

export function installBuiltinDatasetHandlers(handlers: readonly DatasetHandlerPair[]): void {
  builtins = handlers;
  shared = undefined;
}

/** The built-in handlers, as installed. */
export const builtinDatasetHandlers = (): readonly DatasetHandlerPair[] => builtins;

/** The shared registry holding the built-in handlers (made on first use). */
export function defaultDatasets(): DatasetRegistry {
  shared ??= createDatasetRegistry(builtins);
  return shared;
}
