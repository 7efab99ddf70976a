// Schemas flyte-types provides for values zod has no type for.
import { z } from "zod";
import { markSchema } from "./markers.js";
import { type Duration, durationInRange, isTimestampLike, type Timestamp, timestampInRange } from "./time.js";

/** DATETIME at nanosecond precision: values are `{ seconds: bigint, nanos }` with nanos in [0, 1e9). */
export function timestamp(): z.ZodType<Timestamp> {
  return markSchema(
    z.custom<Timestamp>((v) => isTimestampLike(v) && timestampInRange(v), {
      error: "expected a Timestamp { seconds: bigint, nanos } within years 1..9999",
    }),
    { kind: "datetime", repr: "timestamp" },
  );
}

/** DURATION at nanosecond precision: values are `{ seconds: bigint, nanos }`, nanos with the sign of seconds. */
export function duration(): z.ZodType<Duration> {
  return markSchema(
    z.custom<Duration>((v) => isTimestampLike(v) && durationInRange(v), {
      error: "expected a Duration { seconds: bigint, nanos } (same sign, |nanos| < 1e9)",
    }),
    { kind: "duration" },
  );
}
