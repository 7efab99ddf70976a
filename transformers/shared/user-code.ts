// Errors thrown by the user's own code (a transformer, a mapped type's toWire/fromWire) become issues at the path
// being converted, never an escaped exception.
import { type ConvertContext, INVALID, type Invalid } from "../../src/codec/context.js";
import { ErrorCode, isFlyteTypeError } from "../../src/errors/flyte-type-error.js";
import { msg } from "../../src/errors/messages.js";

/**
 * Records `error` as issues at the current path. A FlyteTypeError keeps its issues' codes and messages, also one
 * from another copy of flyte-types (a transformer bundled with its own).
 */
export function userCodeFailed(cx: ConvertContext, name: string, error: unknown): Invalid {
  if (isFlyteTypeError(error)) {
    for (const i of error.issues) cx.fail(i.code, i.message, i.expected, i.received);
    return INVALID;
  }
  const text = error instanceof Error ? error.message : String(error);
  return cx.fail(ErrorCode.transformerFailed, msg.transformerFailed(name, text));
}

/** Calls `fn`, recording what it throws as issues (INVALID then). */
export function guarded<T>(cx: ConvertContext, name: string, fn: () => T): T | Invalid {
  try {
    return fn();
  } catch (e) {
    return userCodeFailed(cx, name, e);
  }
}
