// The state of one conversion walk: where we are, what went wrong so far, and how strictly numbers match.

import type { DatasetRegistry } from "../dataset/dataset-registry.js";
import { ErrorCode, FlyteTypeError, type Issue, MAX_ISSUES } from "../errors/flyte-type-error.js";
import { describeValue, msg } from "../errors/messages.js";
import { formatPath, type PathSegment } from "../errors/path.js";
import type { LiteralType } from "../literal/model.js";
import type { OffloadOptions } from "../literal/offload.js";
import type { SchemaStyle } from "../msgpack/json-schema.js";
import type { Progress, TransferOptions } from "../storage/progress.js";
import type { Storage } from "../storage/storage.js";
import type { NumberWire, WireFloats } from "./msgpack-wire.js";

/** Returned by a codec step that failed; the reason is recorded in the context, never thrown per element. */
export const INVALID: unique symbol = Symbol("flyte-types.invalid");
export type Invalid = typeof INVALID;

/** Options of one conversion call (`toLiteral`, `toValue`, a typed interface's calls); unset ones use the engine's. */
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
  /**
   * Where local files and directories are uploaded (under its raw-output prefix) and what the FlyteFile and
   * FlyteDirectory handles read from; default: the engine's storage.
   */
  readonly storage?: Storage;
  /**
   * Output maps (`toOutputs`, `toInputs`): write each literal of at least `minBytes` to storage and pass an
   * offloaded literal instead, as flytekit does for task outputs. See `offloadFromEnv()`.
   */
  readonly offload?: OffloadOptions;
  /** The dataset encoders and decoders; default: the engine's. */
  readonly datasets?: DatasetRegistry;
  /**
   * Stops the uploads and dataset writes a conversion runs (toLiteral, toInputs, toOutputs): the call rejects with
   * an `aborted` error and whatever it had written is deleted (multipart uploads aborted, parts removed).
   */
  readonly signal?: AbortSignal;
  /** Reports the uploads and dataset writes: bytes written, and uploads done out of how many. */
  readonly onProgress?: (progress: Progress) => void;
}

/** Options with the engine's defaults filled in: what a conversion runs with. */
export interface ResolvedOptions extends ConvertOptions {
  readonly storage: Storage;
  readonly datasets: DatasetRegistry;
}

/**
 * Data a literal will point at once it is stored; the URI is chosen up front. `file`, `directory` and `path` (a
 * local path of either kind, stored as `<uri>` whichever it is) are uploads; `encode` writes a data frame.
 */
export type PlannedUpload = {
  readonly uri: string;
  /** Where in the value it was found, for errors. */
  readonly path: string;
} & (
  | { readonly kind: "file" | "directory" | "path"; readonly source: string }
  | { readonly kind: "encode"; readonly source: object; readonly describe: string; readonly write: WriteData }
);

/** Writes a dataset's data under `uri` (a directory prefix), stopping at `signal` and counting bytes. */
export type WriteData = (uri: string, storage: Storage, options: TransferOptions) => Promise<void>;

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
  /** Maps and arrays of msgpack read with wire types (see trackFloats) → their slots that held a float. */
  wireFloats: WireFloats | undefined = undefined;
  /**
   * The msgpack form of the value a union is about to read, set by its container (`slotWire`) and taken by the
   * union; in a union's first pass the INTEGER, FLOAT and DURATION codecs follow it, as Python does.
   */
  wire: NumberWire = undefined;
  /**
   * The style of the record whose fields are being read from msgpack, if any: pydantic writes a timedelta as an
   * ISO-8601 string, so inside its records a number is never one (a union's first pass holds to that).
   */
  recordStyle: SchemaStyle | undefined = undefined;
  readonly truncateDatetimes: boolean;
  readonly storage: Storage;
  /** Uploads the literal needs before it may be handed out (toLiteral), in the order met. */
  readonly uploads: PlannedUpload[] = [];
  /** Sources already planned, by kind and path (or by object); made on the first upload (most have none). */
  private planned: Map<unknown, string> | undefined;
  readonly datasets: DatasetRegistry;

  constructor(
    readonly root: string,
    options: ResolvedOptions,
  ) {
    this.truncateDatetimes = options.datetimePrecision === "truncate";
    this.storage = options.storage;
    this.datasets = options.datasets;
  }

  /**
   * The URI a local file or directory will have once uploaded (`<raw prefix>/<random>/<name>`). The conversion
   * stays synchronous: the upload itself runs after the walk, and the literal is returned only once it is done.
   * A source met twice is uploaded once.
   */
  planUpload(source: string, kind: "file" | "directory" | "path"): string {
    const key = `${kind}:${source}`;
    this.planned ??= new Map();
    let uri = this.planned.get(key);
    if (uri === undefined) {
      uri = kind === "directory" ? this.storage.randomPrefix() : this.storage.randomPath(source);
      this.planned.set(key, uri);
      this.uploads.push({ kind, source, uri, path: formatPath(this.root, this.path) });
    }
    return uri;
  }

  /**
   * Plans writing a data frame under `uri` after the walk; `source` (the dataset value) is written once however
   * often it is met, since a stream can be read only once.
   */
  planWrite(source: object, uri: string, describe: string, write: WriteData): string {
    this.planned ??= new Map();
    const known = this.planned.get(source);
    if (known !== undefined) return known;
    this.planned.set(source, uri);
    this.uploads.push({ kind: "encode", source, uri, describe, write, path: formatPath(this.root, this.path) });
    return uri;
  }

  /** Sets `wire` for the value a container (decoded msgpack) holds at `key`. */
  slotWire(container: object, key: string | number): void {
    const floats = this.wireFloats?.get(container);
    this.wire = floats === undefined ? undefined : floats.has(key) ? "float" : "int";
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

  /**
   * Records a type mismatch: `expected` in the message (`"an array"`), `short` as the issue's expected field
   * (`"array"`, default `expected`), and the received value described.
   */
  mismatch(expected: string, value: unknown, short: string = expected): Invalid {
    const received = describeValue(value);
    return this.fail(ErrorCode.typeMismatch, msg.expected(expected, received), short, received);
  }

  /** Runs `attempt` without keeping its issues; returns its result (INVALID when it failed). */
  trial<T>(strict: boolean, attempt: () => T | Invalid): T | Invalid {
    const mark = this.issues.length;
    const uploads = this.uploads.length;
    const omitted = this.omitted;
    const depth = this.path.length;
    const saved = [this.strictNumbers, this.failFast] as const;
    this.strictNumbers = strict;
    this.failFast = true;
    try {
      const out = attempt();
      if (this.issues.length === mark) return out;
      // A failed attempt's uploads are not needed.
      for (const u of this.uploads.splice(uploads)) {
        this.planned?.delete(u.kind === "encode" ? u.source : `${u.kind}:${u.source}`);
      }
      return INVALID;
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
