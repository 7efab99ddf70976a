// The I/O half of toLiteral: the uploads a conversion planned, run with bounded concurrency after the walk. The
// literal is handed out only when every upload has completed, so it never points at missing or partial data.
import type { PlannedUpload } from "./context.js";
import { FlyteTypeError, type Issue } from "./errors.js";
import { runPool } from "./storage/pool.js";
import type { Storage } from "./storage/storage.js";

export async function performUploads(uploads: readonly PlannedUpload[], storage: Storage): Promise<void> {
  if (uploads.length === 0) return;
  const done: PlannedUpload[] = [];
  try {
    await runPool(uploads, storage.concurrency, async (u) => {
      try {
        if (u.directory) await storage.uploadDirectory(u.source, u.uri);
        else await storage.upload(u.source, u.uri);
        done.push(u);
      } catch (e) {
        throw atValue(e, u);
      }
    });
  } catch (e) {
    // No literal will name what did arrive: remove it (best effort; the error that matters is the first one).
    await Promise.allSettled(done.map((u) => (u.directory ? storage.deleteTree(u.uri) : storage.delete(u.uri))));
    throw e;
  }
}

/** The storage error restated at the value's path, naming both ends of the transfer. */
function atValue(e: unknown, u: PlannedUpload): FlyteTypeError {
  const inner = e instanceof FlyteTypeError ? e.issues[0] : undefined;
  const reason = inner?.message ?? (e instanceof Error ? e.message : String(e));
  const issue: Issue = {
    code: inner?.code ?? "storage_failed",
    path: u.path,
    message: `uploading ${u.directory ? "directory" : "file"} ${u.source} to ${u.uri}: ${reason}`,
    ...(inner?.expected === undefined ? {} : { expected: inner.expected }),
    ...(inner?.received === undefined ? {} : { received: inner.received }),
  };
  return new FlyteTypeError([issue], { cause: e });
}
