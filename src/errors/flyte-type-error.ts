// The one error type flyte-types throws: a code, a path, and every issue a conversion found.
import { formatPath, type PathSegment } from "./path.js";

/** Error codes, snake_case; `as const` so callers can switch on them. */
export const ErrorCode = {
  /** A value or literal of another type than expected (a string for `z.int()`, a FLOAT literal for a string). */
  typeMismatch: "type_mismatch",
  /**
   * A value its type cannot hold: an integer beyond int64 (or `z.int()`'s safe range), a datetime outside years
   * 1..9999, a size over a limit.
   */
  outOfRange: "out_of_range",
  /**
   * A time that would lose precision: nanoseconds read into `z.date()` (see `datetimePrecision`), or a time finer
   * than the microseconds Python's datetime and timedelta hold.
   */
  precisionLoss: "precision_loss",
  /** A string not among a `z.enum()`'s values, or a value outside a `z.literal()` set. */
  unknownEnumValue: "unknown_enum_value",
  /** A value several union variants accept, none more specific than the others. */
  ambiguousUnion: "ambiguous_union",
  /** A value no union variant accepts, or a union literal whose tag names none of them. */
  noMatchingVariant: "no_matching_variant",
  /**
   * A schema with no Flyte type (`z.map()`, a schema that contains itself), or one where it cannot go (a dataset
   * column of that type, a transformer without `toMsgpack` inside a record).
   */
  unsupportedSchema: "unsupported_schema",
  /** A class with no registered transformer, or a LiteralType that `guessType` has no type for. */
  noTransformer: "no_transformer",
  /** A type, dataset handler or guess key registered twice without `{ override: true }`. */
  duplicateRegistration: "duplicate_registration",
  /** A literal that cannot be read: a binary not tagged msgpack, a time out of range, a broken offloaded literal. */
  invalidLiteral: "invalid_literal",
  /** Bytes that do not decode as what they should be: protobuf, msgpack, JSON, or a Parquet file. */
  decodeFailed: "decode_failed",
  /** A value the schema's own zod checks refuse (`.min()`, formats, refinements), or a mapped type's wire checks. */
  validationFailed: "validation_failed",
  /** A required record field, task input or output that is absent. */
  missingValue: "missing_value",
  /** A key that nothing declares: an unknown field of a `z.strictObject()`, or an unknown task input or output. */
  unexpectedValue: "unexpected_value",
  /** User code threw (a transformer, a mapped type's `toWire`/`fromWire`, a hash function); a Parquet write failed. */
  transformerFailed: "transformer_failed",
  /** Storage: no object (or directory) at the URI. */
  notFound: "not_found",
  /** Storage: a URI whose scheme no backend serves. */
  unknownScheme: "unknown_scheme",
  /** Storage: a read or write that failed for good (after retries); nothing partial is left visible. */
  storageFailed: "storage_failed",
  /** A literal that needs I/O (an offloaded value, a local file) met a call that cannot do I/O. */
  ioRequired: "io_required",
  /** A file, directory or dataset handle made without a storage (or dataset registry) was asked to do I/O. */
  noStorage: "no_storage",
  /**
   * Storage: a key or path that would leave the directory it belongs to (`..`, an absolute or empty segment), or a
   * link that points outside the tree being uploaded. Refused before anything is written.
   */
  unsafePath: "unsafe_path",
  /** Storage: data that changed while it was being read (a local file that grew or shrank, an object replaced). */
  changedWhileReading: "changed_while_reading",
  /** A long operation stopped by its `signal`: nothing it wrote is left behind. */
  aborted: "aborted",
  /** Datasets: no encoder or decoder is registered for the (frame kind, protocol, format) asked for. */
  noHandler: "no_handler",
  /** Datasets: a declared column the data does not have. */
  unknownColumn: "unknown_column",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem at one place. `expected`/`received` are short human descriptions. */
export interface Issue {
  /** What kind of problem it is. */
  readonly code: ErrorCode;
  /** Where: the root (`inputs`, a URI…) then fields and indices, e.g. `inputs.rows[3].name`; "" when nowhere. */
  readonly path: string;
  /** A complete sentence for a person: what was wrong and, where it helps, what to do. */
  readonly message: string;
  /** What was expected, in a few words (`integer`, `a msgpack STRUCT`), when it says more than the message. */
  readonly expected?: string;
  /** What came instead, in a few words (`"abc"`, `FLOAT literal`), when it says more than the message. */
  readonly received?: string;
}

/** Conversions stop recording after this many issues: a million bad elements must not make a million objects. */
export const MAX_ISSUES = 100;

/**
 * Marks FlyteTypeErrors across copies of this package in one process (a library that bundles its own flyte-types):
 * `Symbol.for` gives every copy the same symbol, where each copy has its own class.
 */
const BRAND = Symbol.for("flyte-types.FlyteTypeError");

/**
 * The one error flyte-types throws: every issue a call found (never a partial result). `code` and `path` are the
 * first issue's; the message lists them all. Test for it with `isFlyteTypeError`.
 */
export class FlyteTypeError extends Error {
  /** Always `"FlyteTypeError"`. */
  override readonly name = "FlyteTypeError";
  /** The first issue's code. */
  readonly code: ErrorCode;
  /** Path of the first issue, e.g. `inputs.xs[3]`. */
  readonly path: string;
  /** Every issue kept, in the order found (at most 100; see `omitted`). */
  readonly issues: readonly Issue[];
  /** Issues beyond MAX_ISSUES that were counted but not kept. */
  readonly omitted: number;

  constructor(issues: readonly Issue[], options: { cause?: unknown; omitted?: number } = {}) {
    const first = issues[0];
    if (first === undefined) throw new TypeError("FlyteTypeError needs at least one issue");
    const omitted = options.omitted ?? 0;
    super(summarize(issues, omitted), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = first.code;
    this.path = first.path;
    this.issues = issues;
    this.omitted = omitted;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether `e` is a FlyteTypeError, from this copy of the package or another one: use it rather than `instanceof`
 * on errors that may come from user code (a transformer built against its own flyte-types).
 */
export function isFlyteTypeError(e: unknown): e is FlyteTypeError {
  if (e instanceof FlyteTypeError) return true;
  if (typeof e !== "object" || e === null) return false;
  const o = e as { readonly [key: symbol]: unknown; readonly issues?: unknown; readonly code?: unknown };
  return o[BRAND] === true && Array.isArray(o.issues) && typeof o.code === "string";
}

function summarize(issues: readonly Issue[], omitted: number): string {
  const lines = issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`));
  if (lines.length === 1 && omitted === 0) return lines[0] as string;
  const more = omitted > 0 ? `\n  … and ${omitted} more` : "";
  return `${issues.length + omitted} problems:\n  ${lines.join("\n  ")}${more}`;
}

/** Throws a single-issue error; for failures outside a conversion walk (registration, lookups, bad arguments). */
export function fail(
  code: ErrorCode,
  message: string,
  details: { path?: readonly PathSegment[]; root?: string; expected?: string; received?: string; cause?: unknown } = {},
): never {
  const issue: Issue = {
    code,
    path: details.path === undefined ? (details.root ?? "") : formatPath(details.root ?? "", details.path),
    message,
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    ...(details.received === undefined ? {} : { received: details.received }),
  };
  throw new FlyteTypeError([issue], { cause: details.cause });
}
