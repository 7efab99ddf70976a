// The I/O half of toLiteral: the uploads a conversion planned, run with bounded concurrency after the walk. The
// literal is handed out only when every upload has completed, so it never points at missing or partial data.
import { stat } from "node:fs/promises";
import type { PlannedUpload } from "../codec/context.js";
import { ErrorCode, FlyteTypeError, type Issue, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { abortedError, type Progress, type TransferOptions, throwIfAborted } from "../storage/progress.js";
import type { Storage } from "../storage/storage.js";
import { runPool } from "../storage/transfer-pool.js";

export async function performUploads(
  uploads: readonly PlannedUpload[],
  storage: Storage,
  options: TransferOptions = {},
): Promise<void> {
  if (uploads.length === 0) return;
  const { signal } = options;
  const what = `writing the data of ${uploads.length === 1 ? "a literal" : `${uploads.length} literals`}`;
  const started: PlannedUpload[] = [];
  // One report for the whole call: bytes over every transfer, uploads done out of how many.
  let bytes = 0;
  let done = 0;
  const report = () => options.onProgress?.({ bytes, items: done, totalItems: uploads.length } satisfies Progress);
  try {
    throwIfAborted(signal, what);
    await runPool(uploads, storage.concurrency, async (u) => {
      throwIfAborted(signal, what);
      started.push(u);
      let mine = 0;
      const each: TransferOptions = {
        ...(signal === undefined ? {} : { signal }),
        onProgress: (p) => {
          bytes += p.bytes - mine;
          mine = p.bytes;
          report();
        },
      };
      try {
        await transfer(u, storage, each);
      } catch (e) {
        if (signal?.aborted === true) throw abortedError(what, signal);
        throw atValue(e, u);
      }
      done++;
      report();
    });
  } catch (e) {
    // No literal will name what did arrive, whole or in part (a directory that failed half-way): remove it. Each
    // upload's URI is a fresh random prefix of its own, so nothing else lives there. Best effort: the error that
    // matters is the first one.
    await Promise.allSettled(started.map((u) => remove(u, storage)));
    throw e;
  }
}

/** Removes whatever an upload wrote: one object for a file, everything under the URI for a directory. */
async function remove(u: PlannedUpload, storage: Storage): Promise<void> {
  if (u.kind !== "directory") await storage.delete(u.uri);
  if (u.kind !== "file") await storage.deleteTree(u.uri);
}

async function transfer(u: PlannedUpload, storage: Storage, o: TransferOptions): Promise<void> {
  switch (u.kind) {
    case "file":
      await storage.upload(u.source, u.uri, o);
      return;
    case "directory":
      await storage.uploadDirectory(u.source, u.uri, o);
      return;
    case "path":
      if ((await stat(u.source).catch(() => undefined))?.isDirectory()) {
        await storage.uploadDirectory(u.source, u.uri, o);
      } else await storage.upload(u.source, u.uri, o);
      return;
    case "encode":
      await u.write(u.uri, storage, o);
  }
}

/** The storage error restated at the value's path, naming both ends of the transfer. */
function atValue(e: unknown, u: PlannedUpload): FlyteTypeError {
  const inner = isFlyteTypeError(e) ? e.issues[0] : undefined;
  const reason = inner?.message ?? (e instanceof Error ? e.message : String(e));
  const issue: Issue = {
    code: inner?.code ?? ErrorCode.storageFailed,
    path: u.path,
    message:
      u.kind === "encode"
        ? msg.writeFailed(u.describe, u.uri, reason)
        : msg.uploadFailed(u.kind === "path" ? undefined : u.kind, u.source, u.uri, reason),
    ...(inner?.expected === undefined ? {} : { expected: inner.expected }),
    ...(inner?.received === undefined ? {} : { received: inner.received }),
  };
  return new FlyteTypeError([issue], { cause: e });
}
