// Storage failures as FlyteTypeErrors: the path is the URI, so a message always names the object involved.
import { ErrorCode, FlyteTypeError, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";

export function notFoundError(uri: string, cause?: unknown): FlyteTypeError {
  return new FlyteTypeError(
    [{ code: ErrorCode.notFound, path: uri, message: msg.notFound(uri), expected: "an object", received: "none" }],
    { cause },
  );
}

export function storageError(operation: string, uri: string, cause: unknown): FlyteTypeError {
  // A backend may be the user's, built against another copy of flyte-types.
  if (isFlyteTypeError(cause)) return cause;
  const reason = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new FlyteTypeError(
    [{ code: ErrorCode.storageFailed, path: uri, message: msg.storageFailed(operation, uri, reason) }],
    { cause },
  );
}

/** The error for a failed operation on `uri`: `not_found` when there was nothing there, else `storage_failed`. */
export function ioError(operation: string, uri: string, cause: unknown): FlyteTypeError {
  return isMissing(cause) ? notFoundError(uri, cause) : storageError(operation, uri, cause);
}

/** Whether an error from the file system or an S3 client means "there is no such object". */
export function isMissing(e: unknown): boolean {
  const err = e as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (err === null || typeof err !== "object") return false;
  return (
    err.code === "ENOENT" ||
    err.name === "NoSuchKey" ||
    err.name === "NotFound" ||
    err.name === "NoSuchBucket" ||
    err.$metadata?.httpStatusCode === 404
  );
}
