// The storage used when none is given: local files under ./.flyte-data, and S3 configured from the environment.
import { Storage } from "./storage.js";

let shared: Storage | undefined;

/** One process-wide default, created on first use (creating it touches neither disk nor network). */
export function defaultStorage(): Storage {
  shared ??= new Storage();
  return shared;
}
