// Schemas flyte-types provides for values zod has no type for.
import { z } from "zod";
import { FlyteDirectory, FlyteFile } from "./files.js";
import { markHash, markSchema, markStyle } from "./markers.js";
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

/**
 * A record written the way flytekit and Flyte 2 write a Python `@dataclass` (mashumaro): JSON Schema with nested
 * records inlined, datetimes as `isoformat()`, durations as float seconds, union tag
 * `Object-Dataclass-Transformer`. Plain `z.object` records are written as pydantic models. Records nested inside
 * follow the outer record's style unless marked themselves.
 */
export function dataclass<S extends z.ZodObject>(schema: S): S {
  return markStyle(schema.clone() as S, "dataclass");
}

/** The pydantic style (the default), for a record nested inside a `dataclass()` that is a pydantic model in Python. */
export function pydanticModel<S extends z.ZodObject>(schema: S): S {
  return markStyle(schema.clone() as S, "pydantic");
}

/**
 * Literals of this type carry `Literal.hash = hash(value)` (flytekit's `Annotated[T, HashMethod(fn)]`): Flyte's
 * cache then keys on the hash instead of the literal's bytes.
 */
export function withHash<S extends z.ZodType>(schema: S, hash: (value: z.output<S>) => string): S {
  return markHash(schema.clone() as S, hash as (value: unknown) => string);
}

export interface BlobTypeOptions {
  /** The blob format, e.g. `"csv"` (flytekit's `FlyteFile["csv"]`); default "" (any). */
  readonly format?: string;
}

/**
 * A file (`blob`, SINGLE), as flytekit's `FlyteFile` and Flyte 2's `File`. Give a local path (uploaded under the
 * storage's raw-output prefix), a remote URI (passed through) or a FlyteFile; read back as a lazy FlyteFile.
 */
export function file(options: BlobTypeOptions = {}): z.ZodType<FlyteFile, string | URL | FlyteFile> {
  const schema = z.custom<FlyteFile>((v) => typeof v === "string" || v instanceof URL || v instanceof FlyteFile, {
    error: "expected a path, a URI or a FlyteFile",
  });
  return markSchema(schema, { kind: "file", format: options.format ?? "" }) as never;
}

/** A directory (`blob`, MULTIPART), as flytekit's `FlyteDirectory` and Flyte 2's `Dir`; read back lazily. */
export function directory(options: BlobTypeOptions = {}): z.ZodType<FlyteDirectory, string | URL | FlyteDirectory> {
  const schema = z.custom<FlyteDirectory>(
    (v) => typeof v === "string" || v instanceof URL || v instanceof FlyteDirectory,
    { error: "expected a path, a URI or a FlyteDirectory" },
  );
  return markSchema(schema, { kind: "directory", format: options.format ?? "" }) as never;
}
