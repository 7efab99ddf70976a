// Timestamps and durations at nanosecond precision, normalised like protobuf's well-known types:
// a Timestamp's nanos are always in [0, 1e9) (pre-epoch instants borrow a second), a Duration's nanos carry the
// sign of its seconds. JS Date holds milliseconds only, so these are the lossless representations.

/** An instant: seconds since the Unix epoch (UTC) and nanos in [0, 999_999_999]. */
export interface Timestamp {
  /** Whole seconds since 1970-01-01T00:00:00Z; negative before it. */
  readonly seconds: bigint;
  /** Nanoseconds after `seconds`, always in [0, 999_999_999], also before the epoch. */
  readonly nanos: number;
}

/** A signed span: seconds and nanos of the same sign, |nanos| < 1e9. */
export interface Duration {
  /** Whole seconds of the span; negative for a negative span. */
  readonly seconds: bigint;
  /** The rest in nanoseconds, with the sign of `seconds` (or either sign when `seconds` is 0); |nanos| < 1e9. */
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

/** The Timestamp `seconds` + `nanos` (any integer, negative or ≥ 1e9) with nanos carried into [0, 1e9). */
export function normalizeTimestamp(seconds: bigint, nanos: number): Timestamp {
  const carry = Math.floor(nanos / NANOS);
  return { seconds: seconds + BigInt(carry), nanos: nanos - carry * NANOS };
}

/** The Duration `seconds` + `nanos` (any integer nanos) with |nanos| < 1e9 and of the same sign as seconds. */
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

/** A Date's instant as a Timestamp (exact: a Date holds whole milliseconds); an invalid Date throws a RangeError. */
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

/** A Duration from milliseconds (a difference of two Dates, say); a fraction is kept to the nanosecond, rounded. */
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

// Civil date from days since 1970-01-01 (Hinnant's civil_from_days), the inverse of daysFromCivil.
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * A UTC timestamp (microsecond precision) as Python writes it in msgpack: pydantic `2024-01-02T03:04:05.678000Z`,
 * mashumaro (`datetime.isoformat()`) `2024-01-02T03:04:05.678000+00:00`; the fraction only when non-zero.
 */
export function isoFromTimestamp(t: Timestamp, style: "pydantic" | "dataclass"): string {
  const days = Number(t.seconds >= 0n ? t.seconds / 86400n : (t.seconds - 86399n) / 86400n);
  const rest = Number(t.seconds - BigInt(days) * 86400n);
  const [y, m, d] = civilFromDays(days);
  const time = `${pad(Math.floor(rest / 3600), 2)}:${pad(Math.floor((rest % 3600) / 60), 2)}:${pad(rest % 60, 2)}`;
  const micros = Math.floor(t.nanos / 1000);
  const frac = micros === 0 ? "" : `.${pad(micros, 6)}`;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${time}${frac}${style === "pydantic" ? "Z" : "+00:00"}`;
}

/** Total microseconds of a duration (exact as a bigint). */
export function durationMicros(d: Duration): bigint {
  return d.seconds * 1_000_000n + BigInt(Math.trunc(d.nanos / 1000));
}

/**
 * A duration as pydantic writes a timedelta in JSON (speedate's ISO-8601 form): `PT1.5S`, `P1DT2.000003S`,
 * `-PT1M30S`, `P10Y` (a year is 365 days), `PT0S`.
 */
export function isoFromDuration(d: Duration): string {
  const total = durationMicros(d);
  const abs = total < 0n ? -total : total;
  let days = abs / 86_400_000_000n;
  const inDay = abs % 86_400_000_000n;
  const secs = Number(inDay / 1_000_000n);
  const micros = Number(inDay % 1_000_000n);
  let out = total < 0n ? "-P" : "P";
  if (days >= 365n) {
    out += `${days / 365n}Y`;
    days %= 365n;
  }
  if (days !== 0n) out += `${days}D`;
  if (secs !== 0 || micros !== 0) {
    out += "T";
    const h = Math.floor(secs / 3600);
    const m = Math.floor((secs % 3600) / 60);
    const s = secs % 60;
    if (h !== 0) out += `${h}H`;
    if (m !== 0) out += `${m}M`;
    if (s !== 0 || micros !== 0) out += `${s}${micros === 0 ? "" : `.${pad(micros, 6).replace(/0+$/, "")}`}S`;
  } else if (out.length <= 2) out += "T0S";
  return out;
}

const ISO_DURATION =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,9}))?S)?)?$/;

/** Parses pydantic's ISO-8601 durations (years of 365 days, months of 30, as speedate reads them). */
export function parseIsoDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (m === null || text.endsWith("P") || text.endsWith("T")) return undefined;
  const [, sign, y = "0", mo = "0", w = "0", d = "0", h = "0", mi = "0", s = "0", frac = ""] = m;
  const days = BigInt(y) * 365n + BigInt(mo) * 30n + BigInt(w) * 7n + BigInt(d);
  const seconds = days * 86400n + BigInt(h) * 3600n + BigInt(mi) * 60n + BigInt(s);
  const nanos = frac === "" ? 0 : Number(frac.padEnd(9, "0"));
  return sign === "-" ? normalizeDuration(-seconds, -nanos) : normalizeDuration(seconds, nanos);
}
