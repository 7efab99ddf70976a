// Schemas flyte-types provides for values zod has no type for.

import type { Table as ArrowTableData } from "apache-arrow";
import { z } from "zod";
import { markFactoryDefault, markHash, markSchema, markStyle } from "./codec/schema-marks.js";
import { type DatasetColumn, StructuredDataset } from "./dataset/structured-dataset.js";
import {
  type ArrowSchemaLike,
  arrowSchemaText,
  columnsFromArrow,
  columnsFromZod,
  isArrowSchema,
} from "./engine/dataset-columns.js";
import { FlyteDirectory, FlyteFile } from "./values/files.js";
import { type Duration, durationInRange, isTimestampLike, type Timestamp, timestampInRange } from "./values/time.js";

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

/**
 * A record field whose default is made by `factory` for each value, as Python's `field(default_factory=list)`
 * (dataclass) and `Field(default_factory=list)` (pydantic). Like `schema.default(factory)`, except that the
 * record's JSON Schema names no `default` for it, as mashumaro and pydantic write it; a `.default()` writes its
 * value there, as for `x: int = 3`. zod cannot tell a factory from a value, hence this function.
 */
export function defaultFactory<S extends z.ZodType>(
  schema: S,
  factory: () => z.util.NoUndefined<z.output<S>>,
): z.ZodDefault<S> {
  return markFactoryDefault(schema.default(factory as never) as z.ZodDefault<S>);
}

/** The blob type declared by `file()` and `directory()`. */
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

/** The StructuredDataset type declared by `structuredDataset()`. */
export interface DatasetTypeOptions {
  /**
   * The declared columns: a zod object (nested records become dotted names, as flytekit flattens them) or an Arrow
   * schema (which also sets `external_schema_type: "arrow"`), or the columns themselves. A reader declaring
   * columns gets only those.
   */
  readonly columns?: z.ZodObject | ArrowSchemaLike | readonly DatasetColumn[];
  /** The storage format, e.g. `"parquet"`; default "" (any: the frame kind's default format is written). */
  readonly format?: string;
}

/**
 * A StructuredDataset (flytekit's `StructuredDataset`, `Annotated[pd.DataFrame, cols, fmt]`; Flyte 2's
 * `DataFrame`). Give a `StructuredDataset` (from a frame, a stream of batches, or a URI) or a URI; read back as
 * a lazy handle: `await value.open(ArrowTable).all()`.
 */
export function structuredDataset(
  options: DatasetTypeOptions = {},
): z.ZodType<StructuredDataset, string | URL | StructuredDataset | ArrowTableData> {
  const c = options.columns;
  const arrow = c !== undefined && isArrowSchema(c);
  const columns =
    c === undefined
      ? []
      : Array.isArray(c)
        ? (c as readonly DatasetColumn[])
        : arrow
          ? columnsFromArrow(c.fields)
          : columnsFromZod(c as never);
  const schema = z.custom<StructuredDataset>(
    (v) =>
      typeof v === "string" ||
      v instanceof URL ||
      v instanceof StructuredDataset ||
      (typeof v === "object" && v !== null && Array.isArray((v as { batches?: unknown }).batches)),
    { error: "expected a StructuredDataset, an Arrow Table or a URI" },
  );
  return markSchema(schema, {
    kind: "dataset",
    format: options.format ?? "",
    columns,
    externalSchemaType: arrow ? "arrow" : "",
    externalSchemaBytes: arrow ? new TextEncoder().encode(arrowSchemaText(c)) : new Uint8Array(0),
  }) as never;
}
