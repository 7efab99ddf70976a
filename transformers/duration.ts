// DURATION: `duration()` values `{ seconds: bigint, nanos }`, normalised like protobuf (nanos carry the sign).
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/codec/literal-read.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";
import { duration } from "../src/schemas.js";
import {
  type Duration,
  durationFromSeconds,
  durationInRange,
  durationMicros,
  isoFromDuration,
  isTimestampLike,
  parseIsoDuration,
} from "../src/values/time.js";
import { subMicro } from "./shared/time-errors.js";

const EXPECTED = "a Duration { seconds: bigint, nanos } with nanos of the same sign";

const fromDuration = (d: Duration, cx: ConvertContext): unknown =>
  durationInRange(d)
    ? { seconds: d.seconds, nanos: d.nanos }
    : cx.fail(
        ErrorCode.invalidLiteral,
        msg.outOfRange(`duration ${d.seconds}s ${d.nanos}ns`, "protobuf's normalised Duration"),
        EXPECTED,
        `${d.seconds}s ${d.nanos}ns`,
      );

// mashumaro writes a timedelta in msgpack as float seconds (`total_seconds()`), pydantic as an ISO-8601 string.
// Neither writes a msgpack int: in a union's first pass one is left to an INTEGER variant.
const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
  if (cx.strictNumbers && cx.wire === "int") return cx.mismatch("msgpack float seconds", v, "msgpack float seconds");
  // Choosing a union's variant (a trial) inside a pydantic record: a number there is never a timedelta.
  if (cx.failFast && cx.recordStyle === "pydantic" && typeof v !== "string") {
    return cx.mismatch("an ISO-8601 duration", v, "ISO-8601 duration");
  }
  if (typeof v === "number" && Number.isFinite(v)) return fromDuration(durationFromSeconds(v), cx);
  if (typeof v === "bigint") return fromDuration({ seconds: v, nanos: 0 }, cx);
  const parsed = typeof v === "string" ? parseIsoDuration(v) : undefined;
  if (parsed !== undefined) return fromDuration(parsed, cx);
  return cx.mismatch("msgpack seconds or an ISO-8601 duration", v, "msgpack seconds or ISO-8601 duration");
};

const check = (value: unknown, cx: ConvertContext): Duration | Invalid => {
  if (!isTimestampLike(value)) {
    return cx.mismatch(EXPECTED, value);
  }
  if (!durationInRange(value)) {
    const got = `${value.seconds}s ${value.nanos}ns`;
    return cx.fail(
      ErrorCode.outOfRange,
      msg.outOfRange(got, "±10,000 years with nanos of the seconds' sign", "normalise it with normalizeDuration()"),
      EXPECTED,
      got,
    );
  }
  return value;
};

export const durationKind: KindHandler<"duration"> = {
  compile(desc) {
    const onPrimitive = (p: PrimitiveValue, cx: ConvertContext): unknown =>
      p.case === "duration" ? fromDuration(p.value, cx) : NO_MATCH;
    return {
      desc,
      literalType: ltype.simple(SimpleType.DURATION),
      tag: "timedelta",
      toLiteral(value, cx) {
        const d = check(value, cx);
        return d === INVALID ? INVALID : lit.duration({ seconds: d.seconds, nanos: d.nanos });
      },
      // pydantic writes a timedelta as an ISO-8601 string, mashumaro (dataclasses) as float seconds.
      pack(value, w, cx) {
        const d = check(value, cx);
        if (d === INVALID) return INVALID;
        if (d.nanos % 1000 !== 0) return subMicro(cx, `nanos ${d.nanos}`);
        if (w.style === "pydantic") {
          w.str(isoFromDuration(d));
          return undefined;
        }
        const seconds = Number(durationMicros(d)) / 1e6;
        // Float seconds hold about 15 digits: a long span with microseconds would come back changed.
        const back = durationFromSeconds(seconds);
        if (back.seconds !== d.seconds || back.nanos !== d.nanos) {
          return cx.fail(
            ErrorCode.precisionLoss,
            msg.durationFloatSeconds,
            "a duration float seconds hold exactly",
            `${d.seconds}s ${d.nanos}ns`,
          );
        }
        w.float64(seconds);
        return undefined;
      },
      jsonSchema: (g) =>
        g.style === "pydantic" ? { format: "duration", type: "string" } : { format: "time-delta", type: "number" },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "DURATION", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:DURATION"], schema: () => duration() },
};
