// The one error type flyte-types throws: a code, a path, and every issue a conversion found.
import { formatPath, type PathSegment } from "./path.js";

/** Error codes, snake_case; `as const` so callers can switch on them. */
export const ErrorCode = {
  typeMismatch: "type_mismatch",
  outOfRange: "out_of_range",
  precisionLoss: "precision_loss",
  unknownEnumValue: "unknown_enum_value",
  ambiguousUnion: "ambiguous_union",
  noMatchingVariant: "no_matching_variant",
  unsupportedSchema: "unsupported_schema",
  noTransformer: "no_transformer",
  duplicateRegistration: "duplicate_registration",
  invalidLiteral: "invalid_literal",
  decodeFailed: "decode_failed",
  validationFailed: "validation_failed",
  missingValue: "missing_value",
  unexpectedValue: "unexpected_value",
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
  readonly code: ErrorCode;
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** Conversions stop recording after this many issues: a million bad elements must not make a million objects. */
export const MAX_ISSUES = 100;

/**
 * Marks FlyteTypeErrors across copies of this package in one process (a library that bundles its own flyte-types):
 * `Symbol.for` gives every copy the same symbol, where each copy has its own class.
 */
const BRAND = Symbol.for("flyte-types.FlyteTypeError");

export class FlyteTypeError extends Error {
  override readonly name = "FlyteTypeError";
  readonly code: ErrorCode;
  /** Path of the first issue, e.g. `inputs.xs[3]`. */
  readonly path: string;
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
