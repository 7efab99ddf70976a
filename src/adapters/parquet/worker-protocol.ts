// Messages between the main thread and the Parquet workers. Data crosses as Arrow IPC stream bytes in transferred
// ArrayBuffers (no copy); the main thread does all storage I/O, workers only run parquet-wasm.

export interface WriterSettings {
  /** parquet-wasm's Compression value (SNAPPY = 1, the pyarrow and pandas default). */
  readonly compression: number;
  readonly rowGroupRows: number;
  /** Columns written without a dictionary (wide numbers rarely repeat enough for one to pay). */
  readonly plainColumns: readonly string[];
}

export interface ReadSettings {
  readonly columns: readonly string[] | undefined;
  readonly batchSize: number;
  readonly rowGroups: readonly number[] | undefined;
  /** Rows already delivered by an earlier run of this job (on a worker that died): decoded, not posted again. */
  readonly skipRows: number;
}

export type ToWorker =
  | { readonly t: "write-open"; readonly job: number; readonly settings: WriterSettings }
  | { readonly t: "write-batch"; readonly job: number; readonly ipc: Uint8Array }
  | { readonly t: "write-close"; readonly job: number }
  /** The main thread has taken `n` output chunks: the worker may produce more. */
  | { readonly t: "write-ack"; readonly job: number }
  /** `path`: a local file the worker opens itself (no round trip per byte range). */
  | { readonly t: "meta"; readonly job: number; readonly size: number; readonly path?: string }
  | {
      readonly t: "read";
      readonly job: number;
      readonly size: number;
      readonly settings: ReadSettings;
      readonly path?: string;
    }
  | { readonly t: "read-ack"; readonly job: number }
  | { readonly t: "cancel"; readonly job: number }
  | { readonly t: "range"; readonly rid: number; readonly bytes?: Uint8Array; readonly error?: string };

export type FromWorker =
  /** Posted once at start-up, when parquet-wasm is loaded (job 0). */
  | { readonly t: "ready"; readonly job: 0 }
  | { readonly t: "chunk"; readonly job: number; readonly bytes: Uint8Array }
  /** A batch was taken into the writer: its bytes no longer count against the sender's window. */
  | { readonly t: "consumed"; readonly job: number; readonly bytes: number }
  | { readonly t: "batch"; readonly job: number; readonly ipc: Uint8Array; readonly rows: number }
  | {
      readonly t: "meta";
      readonly job: number;
      /** The file's Arrow schema as an IPC stream with no batches. */
      readonly schema: Uint8Array;
      readonly rowGroupRows: readonly number[];
    }
  /** The job ended; `memory` is the size the worker's WebAssembly memory has grown to (it never shrinks). */
  | { readonly t: "done"; readonly job: number; readonly memory: number }
  /** `fatal`: parquet-wasm crashed (a WebAssembly trap) and the worker is ending. */
  | {
      readonly t: "error";
      readonly job: number;
      readonly message: string;
      readonly fatal: boolean;
      readonly memory: number;
    }
  | { readonly t: "range"; readonly job: number; readonly rid: number; readonly start: number; readonly end: number };
