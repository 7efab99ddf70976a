// The state of one conversion walk: where we are, what went wrong so far, and how strictly numbers match.
import { type ErrorCode, FlyteTypeError, type Issue, MAX_ISSUES } from "./errors.js";
import type { LiteralType } from "./model.js";
import { formatPath, type PathSegment } from "./path.js";

/** Returned by a codec step that failed; the reason is recorded in the context, never thrown per element. */
export const INVALID: unique symbol = Symbol("flyte-types.invalid");
export type Invalid = typeof INVALID;

export interface ConvertOptions {
  /**
   * What to do when a DATETIME literal with sub-millisecond nanos is read into `z.date()`: `"error"` (default)
   * refuses, `"truncate"` drops the sub-millisecond part. Use `timestamp()` to keep nanoseconds.
   */
  readonly datetimePrecision?: "error" | "truncate";
  /**
   * The LiteralType the receiver declared (toLiteral only). As in flytekit it decides the form where a value has
   * two: a string-keyed record is written as msgpack STRUCT when the receiver expects STRUCT (a Python `dict`).
   */
  readonly expected?: LiteralType;
}

export class ConvertContext {
  readonly path: PathSegment[] = [];
  readonly issues: Issue[] = [];
  omitted = 0;
  /**
   * Inside a union's first pass: an integral JS number is an INTEGER only (never a FLOAT), and an INTEGER
   * literal is not read as a float, so `z.union([z.int(), z.number()])` picks `int` for 1 as Python does.
   */
  strictNumbers = false;
  /** Inside a union attempt: stop at the first issue; the attempt's issues are discarded anyway. */
  failFast = false;
  readonly truncateDatetimes: boolean;

  constructor(
    readonly root: string,
    options: ConvertOptions = {},
  ) {
    this.truncateDatetimes = options.datetimePrecision === "truncate";
  }

  /** Records an issue at the current path and returns INVALID for the caller to pass up. */
  fail(code: ErrorCode, message: string, expected?: string, received?: string): Invalid {
    if (this.issues.length >= MAX_ISSUES) {
      this.omitted++;
      return INVALID;
    }
    this.issues.push({
      code,
      path: formatPath(this.root, this.path),
      message,
      ...(expected === undefined ? {} : { expected }),
      ...(received === undefined ? {} : { received }),
    });
    return INVALID;
  }

  /** Runs `attempt` without keeping its issues; returns its result (INVALID when it failed). */
  trial<T>(strict: boolean, attempt: () => T | Invalid): T | Invalid {
    const mark = this.issues.length;
    const omitted = this.omitted;
    const depth = this.path.length;
    const saved = [this.strictNumbers, this.failFast] as const;
    this.strictNumbers = strict;
    this.failFast = true;
    try {
      const out = attempt();
      return this.issues.length > mark ? INVALID : out;
    } finally {
      this.issues.length = mark;
      this.omitted = omitted;
      this.path.length = depth;
      [this.strictNumbers, this.failFast] = saved;
    }
  }

  /** Throws the collected issues, if any. */
  throwIfFailed(cause?: unknown): void {
    if (this.issues.length > 0) throw new FlyteTypeError(this.issues, { cause, omitted: this.omitted });
  }
}
