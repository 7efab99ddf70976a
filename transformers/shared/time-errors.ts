// The issue shared by datetimes and durations written into msgpack, where Python keeps microseconds only.
import type { ConvertContext, Invalid } from "../../src/codec/context.js";
import { ErrorCode } from "../../src/errors/flyte-type-error.js";
import { msg } from "../../src/errors/messages.js";

export function subMicro(cx: ConvertContext, received: string): Invalid {
  return cx.fail(ErrorCode.precisionLoss, msg.subMicrosecond, "microsecond precision", received);
}
