// DATETIME: `z.date()` (milliseconds) and `timestamp()` (nanoseconds). Always UTC on the wire; Python's naive
// datetimes are read as UTC, as flytekit does.
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/codec/literal-read.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { describeValue, msg } from "../src/errors/messages.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";
import { timestamp } from "../src/schemas.js";
import {
  isoFromTimestamp,
  isTimestampLike,
  parseIsoTimestamp,
  type Timestamp,
  timestampFromDate,
  timestampInRange,
  timestampToDate,
} from "../src/values/time.js";
import { subMicro } from "./shared/time-errors.js";

const RANGE = "years 1..9999 (Python's datetime range)";

export const datetimeKind: KindHandler<"datetime"> = {
  compile(desc) {
    const asDate = desc.repr === "date";
    const expected = asDate ? "a valid Date" : "a Timestamp { seconds: bigint, nanos }";

    const fromTimestamp = (t: Timestamp, cx: ConvertContext): unknown => {
      if (!timestampInRange(t)) {
        return cx.fail(
          ErrorCode.invalidLiteral,
          msg.outOfRange(`timestamp ${t.seconds}s ${t.nanos}ns`, RANGE),
          expected,
          `${t.seconds}s`,
        );
      }
      if (!asDate) return { seconds: t.seconds, nanos: t.nanos };
      const d = timestampToDate(t, cx.truncateDatetimes);
      if (d === undefined) {
        return cx.fail(
          ErrorCode.precisionLoss,
          msg.subMillisecond(t.nanos),
          "millisecond precision",
          `nanos ${t.nanos}`,
        );
      }
      return d;
    };
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      const t = typeof v === "string" ? parseIsoTimestamp(v) : undefined;
      if (t === undefined) {
        return cx.mismatch("an ISO-8601 datetime string", v, "ISO-8601 string");
      }
      return fromTimestamp(t, cx);
    };

    const check = (value: unknown, cx: ConvertContext): Timestamp | Invalid => {
      let t: Timestamp | undefined;
      if (asDate && value instanceof Date && !Number.isNaN(value.getTime())) t = timestampFromDate(value);
      else if (!asDate && isTimestampLike(value)) t = value;
      if (t === undefined) {
        return cx.mismatch(expected, value);
      }
      if (!timestampInRange(t)) {
        return cx.fail(
          ErrorCode.outOfRange,
          msg.outOfRange(describeValue(value), RANGE),
          expected,
          describeValue(value),
        );
      }
      return t;
    };
    const onPrimitive = (p: PrimitiveValue, cx: ConvertContext): unknown =>
      p.case === "datetime" ? fromTimestamp(p.value, cx) : NO_MATCH;
    return {
      desc,
      literalType: ltype.simple(SimpleType.DATETIME),
      tag: "datetime",
      toLiteral(value, cx) {
        const t = check(value, cx);
        return t === INVALID ? INVALID : lit.datetime({ seconds: t.seconds, nanos: t.nanos });
      },
      pack(value, w, cx) {
        const t = check(value, cx);
        if (t === INVALID) return INVALID;
        if (t.nanos % 1000 !== 0) return subMicro(cx, `nanos ${t.nanos}`);
        w.str(isoFromTimestamp(t, w.style));
        return undefined;
      },
      jsonSchema: () => ({ format: "date-time", type: "string" }),
      toValue(literal, cx) {
        return readPrimitive(literal, cx, "DATETIME", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  // Python writes microseconds; only timestamp() reads every DATETIME without loss.
  guess: { keys: ["simple:DATETIME"], schema: () => timestamp() },
};
