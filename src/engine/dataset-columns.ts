// Declared columns, mapped as flytekit maps them: from a zod object (its Python-type table: int, float, bool,
// str, datetime, timedelta, lists, dicts; nested records flattened into dotted names) or from an Arrow schema
// (which also sets `external_schema_type: "arrow"` and pyarrow's `Schema.to_string()` text).
import type * as core from "zod/v4/core";
import { markOf } from "../codec/schema-marks.js";
import { defOf, isIntegerNumber, unwrapValue } from "../codec/zod-reader.js";
import type { DatasetColumn } from "../dataset/structured-dataset.js";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { type LiteralType, ltype, SimpleType } from "../literal/model.js";

function zodColumnType(s: core.$ZodType, path: string): LiteralType {
  const mark = markOf(s);
  if (mark?.kind === "datetime") return ltype.simple(SimpleType.DATETIME);
  if (mark?.kind === "duration") return ltype.simple(SimpleType.DURATION);
  const def = defOf(s);
  switch (def.type) {
    case "number":
      return ltype.simple(isIntegerNumber(s) ? SimpleType.INTEGER : SimpleType.FLOAT);
    case "bigint":
      return ltype.simple(SimpleType.INTEGER);
    case "string":
      return ltype.simple(SimpleType.STRING);
    case "boolean":
      return ltype.simple(SimpleType.BOOLEAN);
    case "date":
      return ltype.simple(SimpleType.DATETIME);
    case "array":
      return ltype.collection(zodColumnType(def.element as core.$ZodType, `${path}[]`));
    case "record":
      return ltype.map(zodColumnType(def.valueType as core.$ZodType, `${path}{}`));
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      // Parquet columns are nullable anyway; the column's type is its value's.
      return zodColumnType(def.innerType as core.$ZodType, path);
    default:
      return fail(ErrorCode.unsupportedSchema, msg.noColumnType(path, `z.${def.type}()`), {
        expected: "int, float, bool, string, date, timestamp(), duration(), arrays and records of them",
        received: `z.${def.type}()`,
      });
  }
}

/** Columns of a zod object; nested objects become dotted names (`info.contacts.tel`), as flytekit flattens. */
export function columnsFromZod(shape: core.$ZodObject, prefix = ""): DatasetColumn[] {
  const out: DatasetColumn[] = [];
  for (const [name, field] of Object.entries(defOf(shape).shape as Record<string, core.$ZodType>)) {
    const full = prefix === "" ? name : `${prefix}.${name}`;
    const inner = unwrapValue(field);
    if (defOf(inner).type === "object" && markOf(inner) === undefined) {
      out.push(...columnsFromZod(inner as core.$ZodObject, full));
    } else {
      out.push({ name: full, literalType: zodColumnType(field, full) });
    }
  }
  return out;
}

/** The parts of an Arrow schema we read; typed structurally so this module does not load apache-arrow. */
export interface ArrowSchemaLike {
  /** The top-level columns, in order. */
  readonly fields: readonly ArrowFieldLike[];
}
/** The parts of an Arrow `Field` we read: one column, or one child of a nested type. */
export interface ArrowFieldLike {
  /** The column (or child) name; a struct's children become `parent.child` columns. */
  readonly name: string;
  /** Whether it may hold nulls; pyarrow's text of the schema marks the others `not null`. */
  readonly nullable: boolean;
  /** Its Arrow data type. */
  readonly type: ArrowTypeLike;
}
/** The parts of an Arrow `DataType` we read; which are set depends on `typeId`. */
export interface ArrowTypeLike {
  /** apache-arrow's `Type` id (`Int` 2, `Float` 3, `Utf8` 5, `Timestamp` 10, `Struct` 13, `Dictionary` -1…). */
  readonly typeId: number;
  /** Int and Time: the width in bits (8, 16, 32, 64). */
  readonly bitWidth?: number;
  /** Int: signed or unsigned. */
  readonly isSigned?: boolean;
  /** Float: `Precision` (0 half, 1 single, 2 double); Decimal: the number of digits. */
  readonly precision?: number;
  /** Time, Timestamp, Duration: `TimeUnit` (0 s, 1 ms, 2 µs, 3 ns); Date: `DateUnit` (0 day, 1 ms). */
  readonly unit?: number;
  /** Timestamp: the time zone, e.g. `UTC`; null or absent for a naive timestamp. */
  readonly timezone?: string | null;
  /** Decimal: digits after the decimal point. */
  readonly scale?: number;
  /** Nested types: List's one item field, a Struct's fields, or a Map's one entries struct (key, value). */
  readonly children?: readonly ArrowFieldLike[];
  /** Dictionary: the type of the values (the column's type). */
  readonly dictionary?: ArrowTypeLike;
  /** Dictionary: the integer type of the indices. */
  readonly indices?: ArrowTypeLike;
  /** Dictionary: whether the dictionary's order is meaningful. */
  readonly isOrdered?: boolean;
  /** FixedSizeList: the number of items in every list. */
  readonly listSize?: number;
  /** FixedSizeBinary: the number of bytes in every value. */
  readonly byteWidth?: number;
}

/** apache-arrow's `Type` ids (stable: they mirror the IPC format's type union). */
const T = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  LargeList: 21,
  Dictionary: -1,
} as const;

export const isArrowSchema = (v: unknown): v is ArrowSchemaLike =>
  typeof v === "object" && v !== null && Array.isArray((v as { fields?: unknown }).fields) && "metadata" in v;

/** The type of a nested type's i-th child (list item, map entry, entry value). */
function childType(t: ArrowTypeLike, i: number): ArrowTypeLike {
  const c = t.children?.[i];
  if (c === undefined) return fail(ErrorCode.unsupportedSchema, msg.malformedArrowType(arrowTypeName(t)));
  return c.type;
}

function arrowColumnType(t: ArrowTypeLike, path: string): LiteralType {
  switch (t.typeId) {
    case T.Int:
      return ltype.simple(SimpleType.INTEGER);
    case T.Float:
    case T.Decimal:
      return ltype.simple(SimpleType.FLOAT);
    case T.Bool:
      return ltype.simple(SimpleType.BOOLEAN);
    case T.Utf8:
    case T.LargeUtf8:
    case T.Binary:
    case T.LargeBinary:
    case T.FixedSizeBinary:
      // flytekit maps str, np.str_ and np.bytes_ to STRING.
      return ltype.simple(SimpleType.STRING);
    case T.Timestamp:
    case T.Date:
      return ltype.simple(SimpleType.DATETIME);
    case T.Duration:
      return ltype.simple(SimpleType.DURATION);
    case T.List:
    case T.LargeList:
    case T.FixedSizeList:
      return ltype.collection(arrowColumnType(childType(t, 0), `${path}[]`));
    case T.Map: {
      return ltype.map(arrowColumnType(childType(childType(t, 0), 1), `${path}{}`));
    }
    case T.Dictionary:
      return arrowColumnType(t.dictionary as ArrowTypeLike, path);
    default:
      return fail(ErrorCode.unsupportedSchema, msg.noColumnType(path, `Arrow ${arrowTypeName(t)}`), {
        received: arrowTypeName(t),
      });
  }
}

/** Columns of an Arrow schema; struct fields become dotted names. */
export function columnsFromArrow(fields: readonly ArrowFieldLike[], prefix = ""): DatasetColumn[] {
  const out: DatasetColumn[] = [];
  for (const f of fields) {
    const full = prefix === "" ? f.name : `${prefix}.${f.name}`;
    if (f.type.typeId === T.Struct) out.push(...columnsFromArrow(f.type.children ?? [], full));
    else out.push({ name: full, literalType: arrowColumnType(f.type, full) });
  }
  return out;
}

const UNITS = ["s", "ms", "us", "ns"];
const DATE_UNITS = ["day", "ms"];

/** An Arrow type as pyarrow prints it (`int64`, `timestamp[us, tz=UTC]`, `list<item: string>`). */
export function arrowTypeName(t: ArrowTypeLike): string {
  const field = (f: ArrowFieldLike) => `${f.name}: ${arrowTypeName(f.type)}${f.nullable ? "" : " not null"}`;
  switch (t.typeId) {
    case T.Null:
      return "null";
    case T.Int:
      return `${t.isSigned ? "" : "u"}int${t.bitWidth}`;
    case T.Float:
      return ["halffloat", "float", "double"][t.precision ?? 2] as string;
    case T.Binary:
      return "binary";
    case T.LargeBinary:
      return "large_binary";
    case T.Utf8:
      return "string";
    case T.LargeUtf8:
      return "large_string";
    case T.Bool:
      return "bool";
    case T.Decimal:
      return `decimal128(${t.precision}, ${t.scale})`;
    case T.Date:
      return t.unit === 0 ? "date32[day]" : `date64[${DATE_UNITS[t.unit ?? 1]}]`;
    case T.Time:
      return `time${(t.bitWidth ?? 64) === 32 ? 32 : 64}[${UNITS[t.unit ?? 0]}]`;
    case T.Timestamp:
      return `timestamp[${UNITS[t.unit ?? 0]}${t.timezone ? `, tz=${t.timezone}` : ""}]`;
    case T.Duration:
      return `duration[${UNITS[t.unit ?? 0]}]`;
    case T.List:
      return `list<${field(t.children?.[0] as ArrowFieldLike)}>`;
    case T.LargeList:
      return `large_list<${field(t.children?.[0] as ArrowFieldLike)}>`;
    case T.FixedSizeList:
      return `fixed_size_list<${field(t.children?.[0] as ArrowFieldLike)}>[${t.listSize}]`;
    case T.FixedSizeBinary:
      return `fixed_size_binary[${t.byteWidth}]`;
    case T.Struct:
      return `struct<${(t.children ?? []).map(field).join(", ")}>`;
    case T.Map: {
      const [k, v] = t.children?.[0]?.type.children ?? [];
      return `map<${arrowTypeName((k as ArrowFieldLike).type)}, ${arrowTypeName((v as ArrowFieldLike).type)}>`;
    }
    case T.Dictionary:
      return `dictionary<values=${arrowTypeName(t.dictionary as ArrowTypeLike)}, indices=${arrowTypeName(t.indices as ArrowTypeLike)}, ordered=${t.isOrdered ? 1 : 0}>`;
    default:
      return `type#${t.typeId}`;
  }
}

/** pyarrow's `Schema.to_string()` (without metadata): what flytekit stores in `external_schema_bytes`. */
export function arrowSchemaText(schema: ArrowSchemaLike): string {
  return schema.fields.map((f) => `${f.name}: ${arrowTypeName(f.type)}${f.nullable ? "" : " not null"}`).join("\n");
}
