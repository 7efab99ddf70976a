// Arrow table arbitraries: random schemas over the column types StructuredDatasets carry through Parquet, random
// values with nulls, and a comparison that names the first differing cell.
import * as A from "apache-arrow";
import fc from "fast-check";
import type { DatasetColumn } from "../dataset/structured-dataset.js";
import { SimpleType } from "../literal/model.js";

/** One Arrow column type the table arbitraries draw from. */
export interface ColumnKind {
  /** Makes the column's Arrow data type (a new instance each call). */
  readonly type: () => A.DataType;
  /** Non-null cell values, in the form apache-arrow's `vectorFromArray` takes for `type`. */
  readonly value: fc.Arbitrary<unknown>;
}

const int = (bits: number, signed: boolean) =>
  signed
    ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 })
    : fc.integer({ min: 0, max: 2 ** bits - 1 });
const text = fc.string({ unit: "binary", maxLength: 12 });
const millis = fc.integer({ min: -62135596800000, max: 253402300799000 });

/** Column types by name; each value arbitrary yields what apache-arrow's vectorFromArray takes for the type. */
export const ARROW_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  int8: { type: () => new A.Int8(), value: int(8, true) },
  int16: { type: () => new A.Int16(), value: int(16, true) },
  int32: { type: () => new A.Int32(), value: int(32, true) },
  int64: { type: () => new A.Int64(), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) },
  uint8: { type: () => new A.Uint8(), value: int(8, false) },
  uint16: { type: () => new A.Uint16(), value: int(16, false) },
  uint32: { type: () => new A.Uint32(), value: int(32, false) },
  uint64: { type: () => new A.Uint64(), value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) },
  float32: { type: () => new A.Float32(), value: fc.float() },
  float64: { type: () => new A.Float64(), value: fc.double() },
  utf8: { type: () => new A.Utf8(), value: text },
  large_utf8: { type: () => new A.LargeUtf8(), value: text },
  bool: { type: () => new A.Bool(), value: fc.boolean() },
  timestamp: { type: () => new A.TimestampMicrosecond(), value: millis },
  timestamp_utc: { type: () => new A.Timestamp(A.TimeUnit.MICROSECOND, "UTC"), value: millis },
  date32: { type: () => new A.DateDay(), value: millis.map((ms) => new Date(ms - (ms % 86_400_000))) },
  binary: { type: () => new A.Binary(), value: fc.uint8Array({ maxLength: 12 }) },
  list: {
    type: () => new A.List(new A.Field("item", new A.Int32(), true)),
    value: fc.array(fc.option(int(32, true), { nil: null }), { maxLength: 4 }),
  },
  struct: {
    type: () => new A.Struct([new A.Field("a", new A.Int32(), true), new A.Field("b", new A.Utf8(), true)]),
    value: fc.record({ a: fc.option(int(32, true), { nil: null }), b: fc.option(text, { nil: null }) }),
  },
  dictionary: {
    type: () => new A.Dictionary(new A.Utf8(), new A.Int32()),
    value: fc.constantFrom("red", "green", "blue"),
  },
};

/** The Arrow column a declared Flyte column type is written as, for datasets with declared columns. */
function kindOfColumn(c: DatasetColumn): ColumnKind {
  const t = c.literalType.type;
  const simple = t.case === "simple" ? t.value : undefined;
  const byType: Partial<Record<SimpleType, string>> = {
    [SimpleType.INTEGER]: "int64",
    [SimpleType.FLOAT]: "float64",
    [SimpleType.STRING]: "utf8",
    [SimpleType.BOOLEAN]: "bool",
    [SimpleType.DATETIME]: "timestamp",
  };
  const name = simple === undefined ? undefined : byType[simple];
  const kind = name === undefined || c.name.includes(".") ? undefined : ARROW_COLUMN_KINDS[name];
  if (kind === undefined) {
    throw new Error(
      `no Arrow arbitrary for the declared column ${JSON.stringify(c.name)} (a nested or non-scalar column)`,
    );
  }
  return kind;
}

/** The shape of the tables `arrowTable` generates. */
export interface ArrowTableOptions {
  /** Column type names to draw from (keys of ARROW_COLUMN_KINDS); default all. */
  readonly kinds?: readonly string[];
  /** Most columns in a table (at least one is drawn); default 5. */
  readonly maxColumns?: number;
  /** Most rows in a table (0 is possible); default 40. */
  readonly maxRows?: number;
}

function tableOf(columns: readonly { name: string; kind: ColumnKind }[], maxRows: number): fc.Arbitrary<A.Table> {
  return fc.integer({ min: 0, max: maxRows }).chain((rows) =>
    fc
      .tuple(
        ...columns.map((c) =>
          fc.array(fc.option(c.kind.value, { nil: null, freq: 5 }), { minLength: rows, maxLength: rows }),
        ),
      )
      .map((values) => {
        const fields = columns.map((c) => new A.Field(c.name, c.kind.type(), true));
        const vectors = columns.map((_c, i) => A.vectorFromArray(values[i] as unknown[], (fields[i] as A.Field).type));
        if (rows === 0) return new A.Table(new A.Schema(fields));
        const data = A.makeData({
          type: new A.Struct(fields),
          length: rows,
          nullCount: 0,
          children: vectors.map((v) => v.data[0] as A.Data),
        });
        return new A.Table([new A.RecordBatch(new A.Schema(fields), data)]);
      }),
  );
}

/** Random Arrow tables: random column names and types (nullable, with nulls), up to `maxRows` rows. */
export function arrowTable(options: ArrowTableOptions = {}): fc.Arbitrary<A.Table> {
  const kinds = options.kinds ?? Object.keys(ARROW_COLUMN_KINDS);
  const column = fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), kind: fc.constantFrom(...kinds) });
  return fc
    .uniqueArray(column, { minLength: 1, maxLength: options.maxColumns ?? 5, selector: (c) => c.name })
    .chain((cols) =>
      tableOf(
        cols.map((c) => ({ name: c.name, kind: ARROW_COLUMN_KINDS[c.kind] as ColumnKind })),
        options.maxRows ?? 40,
      ),
    );
}

/** Tables with the declared columns (scalar ones), or random tables when none are declared. */
export function arrowTableOf(columns: readonly DatasetColumn[], maxRows = 40): fc.Arbitrary<A.Table> {
  if (columns.length === 0) return arrowTable({ maxRows });
  return tableOf(
    columns.map((c) => ({ name: c.name, kind: kindOfColumn(c) })),
    maxRows,
  );
}

const cell = (v: unknown): unknown =>
  JSON.stringify(v, (_k, x) =>
    typeof x === "bigint" ? `${x}n` : typeof x === "number" && !Number.isFinite(x) ? String(x) : x,
  );

/** Where two tables differ (schema, row count or the first differing cell), or undefined when they are equal. */
export function tableDifference(expected: A.Table, actual: A.Table): string | undefined {
  const names = (t: A.Table) => t.schema.fields.map((f) => `${f.name}: ${f.type}`).join(", ");
  if (names(expected) !== names(actual)) return `schema {${names(actual)}}, expected {${names(expected)}}`;
  if (expected.numRows !== actual.numRows) return `${actual.numRows} rows, expected ${expected.numRows}`;
  for (const f of expected.schema.fields) {
    const e = expected.getChild(f.name) as A.Vector;
    const a = actual.getChild(f.name) as A.Vector;
    for (let i = 0; i < expected.numRows; i++) {
      const x = e.get(i);
      const y = a.get(i);
      const same = typeof x === "number" && typeof y === "number" ? Object.is(x, y) : cell(x) === cell(y);
      if (!same) return `column ${f.name} row ${i}: ${cell(y)}, expected ${cell(x)}`;
    }
  }
  return undefined;
}
