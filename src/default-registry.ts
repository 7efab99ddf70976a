// The one place in src/ that imports transformers/: it assembles the registry createTypeEngine() uses by default.
import { builtinKinds } from "../transformers/index.js";
import { createRegistry, type Registry } from "./registry.js";

/** A new registry with the built-in kinds and no user transformers. */
export function createDefaultRegistry(): Registry {
  return createRegistry(builtinKinds);
}
