// Typed accessors for the literals a transformer reads: `readLiteral.string(l)` instead of walking
// `l.value.value.value.value` and checking each `case`. Each throws a typed `invalid_literal` error naming what it
// expected and what it got; inside a transformer's toValue that error becomes an issue at the value's path.
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { describeLiteral, msg } from "../errors/messages.js";
import { BlobType_BlobDimensionality, type Literal, type LiteralType, type Primitive, type Scalar } from "./model.js";

type PrimitiveCase = NonNullable<Primitive["value"]["case"]>;
type ScalarCase = NonNullable<Scalar["value"]["case"]>;

const refuse = (expected: string, literal: Literal): never =>
  fail(ErrorCode.invalidLiteral, msg.expected(expected, describeLiteral(literal)), {
    root: "value",
    expected,
    received: describeLiteral(literal),
  });

function scalar<C extends ScalarCase>(
  literal: Literal,
  c: C,
  expected: string,
): Extract<Scalar["value"], { case: C }>["value"] {
  const v = literal.value;
  if (v.case !== "scalar" || v.value.value.case !== c) return refuse(expected, literal);
  return v.value.value.value as never;
}

function primitive<C extends PrimitiveCase>(
  literal: Literal,
  c: C,
  expected: string,
): Extract<Primitive["value"], { case: C }>["value"] {
  const p = scalar(literal, "primitive", expected).value;
  if (p.case !== c) return refuse(expected, literal);
  return p.value as never;
}

/** Reads one kind of literal, or throws a typed error saying what was expected and what came. */
export const readLiteral = {
  /** An INTEGER, as a bigint (all of int64). */
  integer: (l: Literal): bigint => primitive(l, "integer", "an INTEGER literal"),
  /** A FLOAT, as a number. */
  float: (l: Literal): number => primitive(l, "floatValue", "a FLOAT literal"),
  /** A STRING. */
  string: (l: Literal): string => primitive(l, "stringValue", "a STRING literal"),
  /** A BOOLEAN. */
  boolean: (l: Literal): boolean => primitive(l, "boolean", "a BOOLEAN literal"),
  /** A DATETIME as stored: neither normalised nor checked (the engine's `timestamp()` does both). */
  datetime: (
    l: Literal,
  ): {
    /** Whole seconds since 1970-01-01T00:00:00Z. */
    seconds: bigint;
    /** Nanoseconds after `seconds`; protobuf requires [0, 1e9), which a literal from outside may not keep. */
    nanos: number;
  } => {
    const t = primitive(l, "datetime", "a DATETIME literal");
    return { seconds: t.seconds, nanos: t.nanos };
  },
  /** A DURATION as stored: neither normalised nor checked (the engine's `duration()` does both). */
  duration: (
    l: Literal,
  ): {
    /** Whole seconds of the span. */
    seconds: bigint;
    /** The rest in nanoseconds; protobuf requires the sign of `seconds` and |nanos| < 1e9. */
    nanos: number;
  } => {
    const d = primitive(l, "duration", "a DURATION literal");
    return { seconds: d.seconds, nanos: d.nanos };
  },
  /** A file (`multipart: false`) or directory blob. */
  blob: (
    l: Literal,
  ): {
    /** Where the file or directory is. */
    uri: string;
    /** The blob format ("csv"); "" when the literal declares none. */
    format: string;
    /** True for a directory (MULTIPART), false for a file (SINGLE). */
    multipart: boolean;
  } => {
    const b = scalar(l, "blob", "a blob literal");
    const t = b.metadata?.type;
    return {
      uri: b.uri,
      format: t?.format ?? "",
      multipart: t?.dimensionality === BlobType_BlobDimensionality.MULTIPART,
    };
  },
  /** A binary scalar: encoded bytes and the tag naming their encoding. */
  binary: (
    l: Literal,
  ): {
    /** The encoded bytes. */
    value: Uint8Array;
    /** Their encoding: "msgpack" for records and dicts, as flytekit writes them. */
    tag: string;
  } => {
    const b = scalar(l, "binary", "a binary literal");
    return { value: b.value, tag: b.tag };
  },
  /** A StructuredDataset's location and format (its columns are in the literal's metadata). */
  structuredDataset: (
    l: Literal,
  ): {
    /** Where the data is: a file or a directory of parts. */
    uri: string;
    /** The storage format ("parquet"); "" when the metadata names none. */
    format: string;
  } => {
    const d = scalar(l, "structuredDataset", "a StructuredDataset literal");
    return { uri: d.uri, format: d.metadata?.structuredDatasetType?.format ?? "" };
  },
  /** A union literal: the variant's literal and its type (whose `structure.tag` names the variant). */
  union: (
    l: Literal,
  ): {
    /** The variant's literal. */
    value: Literal;
    /** The variant's LiteralType; `structure.tag` names the variant (flytekit's transformer name). */
    type: LiteralType;
  } => {
    const u = scalar(l, "union", "a union literal");
    if (u.value === undefined || u.type === undefined) return refuse("a union literal with a value and a type", l);
    return { value: u.value, type: u.type };
  },
  /** A none literal (Python's None), read as null. */
  none: (l: Literal): null => {
    scalar(l, "noneType", "a none literal");
    return null;
  },
  /** A collection literal's elements, in order. */
  collection: (l: Literal): Literal[] => {
    const v = l.value;
    return v.case === "collection" ? v.value.literals : refuse("a collection literal", l);
  },
  /** A map literal's entries by key. */
  map: (l: Literal): { [key: string]: Literal } => {
    const v = l.value;
    return v.case === "map" ? v.value.literals : refuse("a map literal", l);
  },
};
