// Progress and cancellation for long operations (uploads, downloads, dataset writes and reads): what a caller
// passes, and the helpers that count bytes as they flow and stop at the next chunk once the signal fires.
import { ErrorCode, FlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";

/** How far a long operation has come. Totals are given when known before it starts. */
export interface Progress {
  /** Bytes transferred so far. */
  readonly bytes: number;
  /** Bytes the operation will transfer in all; undefined when not known up front. */
  readonly totalBytes?: number;
  /** Files, objects, uploads or rows done, as the operation counts them. */
  readonly items: number;
  /** Items the operation will do in all; undefined when not known up front. */
  readonly totalItems?: number;
}

/** Cancellation and progress reporting for a long operation (an upload, a download, a dataset write or read). */
export interface TransferOptions {
  /** Stops the operation; it rejects with an `aborted` error and removes what it wrote. */
  readonly signal?: AbortSignal;
  /** Called as bytes and items are done (synchronously: keep it cheap). */
  readonly onProgress?: (progress: Progress) => void;
}

/** The `aborted` error for `what`, giving the signal's reason. */
export function abortedError(what: string, signal?: AbortSignal): FlyteTypeError {
  const r = signal?.reason as unknown;
  const reason = r instanceof Error ? r.message : r === undefined ? "aborted" : String(r);
  return new FlyteTypeError([{ code: ErrorCode.aborted, path: "", message: msg.aborted(what, reason) }], { cause: r });
}

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted === true) throw abortedError(what, signal);
}

/** Counts what a long operation has done and reports it. */
export class Meter {
  private bytes = 0;
  private items = 0;

  constructor(
    private readonly onProgress: ((p: Progress) => void) | undefined,
    private readonly totals: { readonly bytes?: number | undefined; readonly items?: number | undefined } = {},
  ) {}

  /** Counts `bytes` more bytes and `items` more items done. */
  add(bytes: number, items = 0): void {
    this.bytes += bytes;
    this.items += items;
    this.report();
  }

  private report(): void {
    if (this.onProgress === undefined) return;
    const { bytes, items } = this.totals;
    this.onProgress({
      bytes: this.bytes,
      items: this.items,
      ...(bytes === undefined ? {} : { totalBytes: bytes }),
      ...(items === undefined ? {} : { totalItems: items }),
    });
  }
}

/** `source`'s chunks, counted into `meter`, stopping with an `aborted` error at the next chunk after `signal`. */
export async function* metered(
  source: AsyncIterable<Uint8Array>,
  meter: Meter,
  signal: AbortSignal | undefined,
  what: string,
): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    throwIfAborted(signal, what);
    meter.add(chunk.byteLength);
    yield chunk;
  }
  throwIfAborted(signal, what);
}
