// The I/O half of toLiteral: the uploads a conversion planned, run with bounded concurrency after the walk. The
// literal is handed out only when every upload has completed, so it never points at missing or partial data.
import { stat } from "node:fs/promises";
import type { PlannedUpload } from "../codec/context.js";
import { ErrorCode, FlyteTypeError, type Issue, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { Storage } from "../storage/storage.js";
import { runPool } from "../storage/transfer-pool.js";

export async function performUploads(uploads: readonly PlannedUpload[], storage: Storage): Promise<void> {
  if (uploads.length === 0) return;
  const started: PlannedUpload[] = [];
  try {
    await runPool(uploads, storage.concurrency, async (u) => {
      started.push(u);
      try {
        await transfer(u, storage);
      } catch (e) {
        throw atValue(e, u);
      }
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

async function transfer(u: PlannedUpload, storage: Storage): Promise<void> {
  switch (u.kind) {
    case "file":
      await storage.upload(u.source, u.uri);
      return;
    case "directory":
      await storage.uploadDirectory(u.source, u.uri);
      return;
    case "path":
      if ((await stat(u.source).catch(() => undefined))?.isDirectory()) await storage.uploadDirectory(u.source, u.uri);
      else await storage.upload(u.source, u.uri);
      return;
    case "encode":
      await u.write(u.uri, storage);
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
