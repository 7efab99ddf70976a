// Timestamps and durations at nanosecond precision, normalised like protobuf's well-known types:
// a Timestamp's nanos are always in [0, 1e9) (pre-epoch instants borrow a second), a Duration's nanos carry the
// sign of its seconds. JS Date holds milliseconds only, so these are the lossless representations.

/** An instant: seconds since the Unix epoch (UTC) and nanos in [0, 999_999_999]. */
export interface Timestamp {
  readonly seconds: bigint;
  readonly nanos: number;
}

/** A signed span: seconds and nanos of the same sign, |nanos| < 1e9. */
export interface Duration {
  readonly seconds: bigint;
  readonly nanos: number;
}

const NANOS = 1_000_000_000;
/** The range Python's datetime (and protobuf's Timestamp) can hold: 0001-01-01T00:00:00Z ..= 9999-12-31T23:59:59.999999999Z. */
export const TIMESTAMP_MIN_SECONDS = -62135596800n;
export const TIMESTAMP_MAX_SECONDS = 253402300799n;
/** protobuf's Duration range: ±10,000 years. */
export const DURATION_MAX_SECONDS = 315576000000n;

export function isTimestampLike(v: unknown): v is Timestamp {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Timestamp).seconds === "bigint" &&
    Number.isInteger((v as Timestamp).nanos)
  );
}

export function normalizeTimestamp(seconds: bigint, nanos: number): Timestamp {
  const carry = Math.floor(nanos / NANOS);
  return { seconds: seconds + BigInt(carry), nanos: nanos - carry * NANOS };
}

export function normalizeDuration(seconds: bigint, nanos: number): Duration {
  let s = seconds + BigInt(Math.trunc(nanos / NANOS));
  let n = nanos % NANOS;
  if (s > 0n && n < 0) {
    s -= 1n;
    n += NANOS;
  } else if (s < 0n && n > 0) {
    s += 1n;
    n -= NANOS;
  }
  return { seconds: s, nanos: n === 0 ? 0 : n };
}

export function timestampInRange(t: Timestamp): boolean {
  return t.seconds >= TIMESTAMP_MIN_SECONDS && t.seconds <= TIMESTAMP_MAX_SECONDS && t.nanos >= 0 && t.nanos < NANOS;
}

export function durationInRange(d: Duration): boolean {
  const s = d.seconds < 0n ? -d.seconds : d.seconds;
  return (
    s <= DURATION_MAX_SECONDS &&
    Math.abs(d.nanos) < NANOS &&
    !(d.seconds > 0n && d.nanos < 0) &&
    !(d.seconds < 0n && d.nanos > 0)
  );
}

export function timestampFromDate(date: Date): Timestamp {
  const ms = date.getTime();
  const s = Math.floor(ms / 1000);
  return { seconds: BigInt(s), nanos: (ms - s * 1000) * 1_000_000 };
}

/** The Date for a timestamp, or undefined if it is not a whole number of milliseconds (unless truncating). */
export function timestampToDate(t: Timestamp, truncate: boolean): Date | undefined {
  if (!truncate && t.nanos % 1_000_000 !== 0) return undefined;
  return new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000));
}

export function durationFromMillis(ms: number): Duration {
  const s = Math.trunc(ms / 1000);
  return normalizeDuration(BigInt(s), Math.round((ms - s * 1000) * 1_000_000));
}

/** A duration from (fractional) seconds, as mashumaro writes timedelta in msgpack; rounded to microseconds like Python. */
export function durationFromSeconds(seconds: number): Duration {
  const whole = Math.trunc(seconds);
  const micros = Math.round((seconds - whole) * 1_000_000);
  return normalizeDuration(BigInt(whole), micros * 1000);
}

// Days from 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil); no Date, so years 1..99 work.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2}(?::?\d{2}(?:\.\d{1,6})?)?)?)?$/;

/**
 * Parses the ISO-8601 forms Python writes (`datetime.isoformat()`, `date.isoformat()`): a missing offset means UTC,
 * as flytekit reads naive datetimes. Returns undefined for anything else.
 */
export function parseIsoTimestamp(text: string): Timestamp | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let seconds =
    BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(Number(h) * 3600 + Number(mi) * 60 + Number(s));
  if (off !== undefined && off !== "Z" && off !== "z") {
    const sign = off.startsWith("-") ? -1 : 1;
    const parts = off.slice(1).replaceAll(":", "");
    const oh = Number(parts.slice(0, 2));
    const om = Number(parts.slice(2, 4) || "0");
    const os = Number(parts.slice(4, 6) || "0");
    seconds -= BigInt(sign * (oh * 3600 + om * 60 + os));
  }
  const nanos = frac === "" ? 0 : Number(frac.padEnd(9, "0"));
  return { seconds, nanos };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
