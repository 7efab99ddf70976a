// DURATION: `duration()` values `{ seconds: bigint, nanos }`, normalised like protobuf (nanos carry the sign).
import type { KindHandler } from "../src/codec.js";
import type { ConvertContext } from "../src/context.js";
import { ErrorCode } from "../src/errors.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/literal-read.js";
import { describeValue, msg } from "../src/messages.js";
import { lit, ltype, SimpleType } from "../src/model.js";
import { duration } from "../src/schemas.js";
import { type Duration, durationFromSeconds, durationInRange, isTimestampLike } from "../src/time.js";

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

// mashumaro writes a timedelta in msgpack as float seconds (`total_seconds()`).
const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
  if (typeof v === "number" && Number.isFinite(v)) return fromDuration(durationFromSeconds(v), cx);
  if (typeof v === "bigint") return fromDuration({ seconds: v, nanos: 0 }, cx);
  return cx.fail(
    ErrorCode.typeMismatch,
    msg.expected("msgpack seconds", describeValue(v)),
    "msgpack number of seconds",
    describeValue(v),
  );
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
        if (!isTimestampLike(value)) {
          return cx.fail(
            ErrorCode.typeMismatch,
            msg.expected(EXPECTED, describeValue(value)),
            EXPECTED,
            describeValue(value),
          );
        }
        if (!durationInRange(value)) {
          const got = `${value.seconds}s ${value.nanos}ns`;
          return cx.fail(
            ErrorCode.outOfRange,
            msg.outOfRange(
              got,
              "±10,000 years with nanos of the seconds' sign",
              "normalise it with normalizeDuration()",
            ),
            EXPECTED,
            got,
          );
        }
        return lit.duration({ seconds: value.seconds, nanos: value.nanos });
      },
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "DURATION", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:DURATION"], schema: () => duration() },
};
