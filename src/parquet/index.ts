// flyte-types/parquet: Arrow ⇄ Parquet on any storage, directly (the StructuredDataset handler uses the same code).
// A separate entry point so that importing flyte-types does not load apache-arrow or parquet-wasm.

export { parquetPool, WorkerPool } from "./pool.js";
export { type ParquetReadOptions, parquetParts, readParquet, readParquetTable } from "./read.js";
export {
  type ParquetCompression,
  type ParquetWriteOptions,
  partName,
  type WriteResult,
  writeParquet,
} from "./write.js";
