// Reads one Parquet file in a process of its own and prints, as one JSON line, how the read ended and the process's
// peak RSS (workers included): a test's bound on memory that other tests in the same process cannot disturb.
// Run as `node --import tsx test/support/parquet-read-child.ts <file>`.
import { readParquetTable } from "../../src/adapters/parquet/parquet-read.js";
import { WorkerPool } from "../../src/adapters/parquet/worker-pool.js";
import { isFlyteTypeError, Storage } from "../../src/index.js";

const file = process.argv[2] as string;
const pool = new WorkerPool(1);
let outcome: Record<string, unknown>;
try {
  outcome = { rows: (await readParquetTable(file, new Storage(), { pool })).numRows };
} catch (e) {
  outcome = isFlyteTypeError(e) ? { code: e.code, message: e.message } : { error: String(e) };
}
await pool.close();
console.log(JSON.stringify({ ...outcome, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
