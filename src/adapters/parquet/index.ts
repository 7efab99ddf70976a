/**
 * Arrow ⇄ Parquet on any storage, directly (the StructuredDataset handler uses the same code). A separate entry
 * point so that importing flyte-types does not load apache-arrow or parquet-wasm.
 *
 * @module flyte-types/parquet
 */
export { type ParquetReadOptions, parquetParts, readParquet, readParquetTable } from "./parquet-read.js";
export {
  type ParquetCompression,
  type ParquetWriteOptions,
  partName,
  type WriteResult,
  writeParquet,
} from "./parquet-write.js";
export { type Job, type JobHandler, parquetPool, WorkerPool, type WorkerPoolOptions } from "./worker-pool.js";
