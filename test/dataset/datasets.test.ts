// StructuredDatasets through the engine on local storage: literal types as flytekit declares them, Arrow ⇄ Parquet
// round trips of every column type, streaming in both directions, column subsetting, and values (URIs, records).
// Bad input and the handler registry are in datasets-bad-input.test.ts.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { numberStream, numbers, rows } from "../../fixtures/arrow-data.js";
import {
  ArrowTable,
  createTypeEngine,
  ErrorCode,
  StructuredDataset,
  structuredDataset,
  timestamp,
} from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import { datasetSetup, sdOf } from "../support/dataset-setup.js";
import { rejection } from "../support/helpers.js";

const { work, raw, engine, any, write } = datasetSetup();

describe("literal types", () => {
  it("a bare dataset has no columns and format '', like flytekit's StructuredDataset", () => {
    const t = engine.literalType(any).type;
    expect(t.case).toBe("structuredDatasetType");
    if (t.case !== "structuredDatasetType") return;
    expect(t.value.columns).toEqual([]);
    expect(t.value.format).toBe("");
    expect(t.value.externalSchemaType).toBe("");
  });

  it("zod columns map like kwtypes(): nested records flatten into dotted names", () => {
    const type = structuredDataset({
      format: "parquet",
      columns: z.object({
        w: z.record(z.string(), z.record(z.string(), z.int())),
        x: z.array(z.array(z.int())),
        y: z.int(),
        z: z.string(),
        when: timestamp(),
        info: z.object({ contacts: z.object({ tel: z.string() }) }),
      }),
    });
    const t = engine.literalType(type).type;
    if (t.case !== "structuredDatasetType") throw new Error(t.case);
    expect(t.value.format).toBe("parquet");
    expect(t.value.columns.map((c) => c.name)).toEqual(["w", "x", "y", "z", "when", "info.contacts.tel"]);
    const S = model.SimpleType;
    expect(t.value.columns[0]?.literalType).toEqual(model.ltype.map(model.ltype.map(model.ltype.simple(S.INTEGER))));
    expect(t.value.columns[1]?.literalType).toEqual(
      model.ltype.collection(model.ltype.collection(model.ltype.simple(S.INTEGER))),
    );
    expect(t.value.columns[4]?.literalType).toEqual(model.ltype.simple(S.DATETIME));
  });

  it("an Arrow schema sets external_schema_type arrow and pyarrow's schema text", () => {
    const schema = new A.Schema([
      new A.Field("some_string", new A.Utf8(), true),
      new A.Field("n", new A.Int64(), false),
      new A.Field("when", new A.TimestampMicrosecond("UTC"), true),
    ]);
    const t = engine.literalType(structuredDataset({ columns: schema })).type;
    if (t.case !== "structuredDatasetType") throw new Error(t.case);
    expect(t.value.externalSchemaType).toBe("arrow");
    expect(new TextDecoder().decode(t.value.externalSchemaBytes)).toBe(
      "some_string: string\nn: int64 not null\nwhen: timestamp[us, tz=UTC]",
    );
    expect(t.value.columns.map((c) => c.name)).toEqual(["some_string", "n", "when"]);
  });

  it("a column type with no Flyte equivalent is refused at declaration", () => {
    expect(() => structuredDataset({ columns: z.object({ a: z.null() }) })).toThrow(/column a: z.null\(\)/);
  });

  it("guessType reads any structured dataset type back as a dataset with its format and columns", async () => {
    const lt = engine.literalType(structuredDataset({ format: "parquet", columns: z.object({ a: z.int() }) }));
    const guessed = engine.guessType(lt);
    expect(engine.literalType(guessed)).toEqual(lt);
  });
});

describe("Arrow ⇄ Parquet", () => {
  it("writes flytekit's layout: a directory holding 00000, the literal carrying the concrete format", async () => {
    const table = new A.Table(numbers(0, 1000));
    const l = await write(table);
    const sd = sdOf(l);
    expect(sd.uri.startsWith(raw)).toBe(true);
    expect(readdirSync(sd.uri)).toEqual(["00000"]);
    expect(sd.metadata?.structuredDatasetType?.format).toBe("parquet");
    expect(readFileSync(join(sd.uri, "00000")).subarray(0, 4).toString()).toBe("PAR1");
    const back = await (await engine.toValue(l, any)).open(ArrowTable).all();
    expect(back.numRows).toBe(1000);
    expect(rows(back)).toEqual(rows(table));
  });

  it("keeps every column type: ints, uints, floats, strings, bools, timestamps, dates, durations, binary, lists, structs, dictionaries and nulls", async () => {
    const n = 5;
    const col = <T extends A.DataType>(type: T, values: unknown[]) => A.vectorFromArray(values, type);
    const table = new A.Table({
      i8: col(new A.Int8(), [-128, 127, null, 0, 1]),
      i16: col(new A.Int16(), [-32768, 32767, 0, null, 1]),
      i32: col(new A.Int32(), [-(2 ** 31), 2 ** 31 - 1, 0, 1, null]),
      i64: col(new A.Int64(), [-(2n ** 63n), 2n ** 63n - 1n, 0n, null, 1n]),
      u8: col(new A.Uint8(), [0, 255, null, 1, 2]),
      u16: col(new A.Uint16(), [0, 65535, 1, 2, null]),
      u32: col(new A.Uint32(), [0, 2 ** 32 - 1, 1, null, 2]),
      u64: col(new A.Uint64(), [0n, 2n ** 64n - 1n, null, 1n, 2n]),
      f32: col(new A.Float32(), [1.5, -0.25, null, 3, 4]),
      f64: col(new A.Float64(), [Math.PI, -0, Number.POSITIVE_INFINITY, null, 1e-300]),
      s: col(new A.Utf8(), ["a", "", "ünïcødé 🌍", null, "e"]),
      ls: col(new A.LargeUtf8(), ["big", null, "", "x", "y"]),
      b: col(new A.Bool(), [true, false, null, true, false]),
      ts: col(new A.TimestampMicrosecond(), [0, 1_700_000_000_000, null, -1000, 5]),
      tz: col(new A.TimestampMicrosecond("UTC"), [1, 2, 3, null, 4]),
      d: col(new A.DateDay(), [
        new Date(0),
        new Date(Date.UTC(2024, 1, 29)),
        null,
        new Date(Date.UTC(1900, 0, 1)),
        new Date(86_400_000),
      ]),
      dur: col(new A.DurationMicrosecond(), [0n, 1_000_000n, null, -5n, 7n]),
      bin: col(new A.Binary(), [
        new Uint8Array([0, 255]),
        new Uint8Array(0),
        null,
        new Uint8Array([1]),
        new Uint8Array([2]),
      ]),
      list: col(new A.List(new A.Field("item", new A.Int32(), true)), [[1, 2], [], null, [3, null], [4]]),
      st: col(new A.Struct([new A.Field("x", new A.Int32(), true), new A.Field("y", new A.Utf8(), true)]), [
        { x: 1, y: "a" },
        { x: null, y: "b" },
        null,
        { x: 3, y: null },
        { x: 4, y: "d" },
      ]),
      dict: col(new A.Dictionary(new A.Utf8(), new A.Int32()), ["red", "green", "red", null, "blue"]),
      nulls: col(new A.Null(), [null, null, null, null, null]),
    });
    expect(table.numRows).toBe(n);
    const l = await write(table);
    const back = await (await engine.toValue(l, any)).open(ArrowTable).all();
    expect(back.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(
      table.schema.fields.map((f) => `${f.name}: ${f.type}`),
    );
    expect(rows(back)).toEqual(rows(table));
  });

  it("an empty table keeps its schema", async () => {
    // A list column too: apache-arrow's empty batch for one lacks child data, which once failed the write.
    const list = new A.List(new A.Field("item", new A.Int32(), true));
    const schema = new A.Schema([
      new A.Field("a", new A.Int32(), true),
      new A.Field("s", new A.Utf8(), true),
      new A.Field("l", list, true),
    ]);
    const l = await write(new A.Table(schema));
    const back = await (await engine.toValue(l, any)).open(ArrowTable).all();
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map(String)).toEqual(["a: Int32", "s: Utf8", "l: List<Int32>"]);
  });

  it("streams a generator into parts and reads it back in order, in batches of the size asked", async () => {
    const total = 300_000;
    const l = await write(numberStream(total, 7_000));
    const sd = await engine.toValue(l, any);
    let seen = 0;
    let sizes = new Set<number>();
    for await (const batch of sd.open(ArrowTable).iter({ batchSize: 50_000 })) {
      const i = batch.getChild("i") as A.Vector<A.Int64>;
      expect(i.get(0)).toBe(BigInt(seen));
      seen += batch.numRows;
      sizes = sizes.add(batch.numRows);
    }
    expect(seen).toBe(total);
    expect(Math.max(...sizes)).toBe(50_000);
  });

  it("splits a large stream into ordered parts 00000, 00001, … that read back as one dataset", async () => {
    const small = createTypeEngine({ storage: { rawOutputPrefix: raw } });
    const { writeParquet } = await import("../../src/adapters/parquet/parquet-write.js");
    const uri = join(work, "parts");
    const result = await writeParquet(numberStream(400_000, 20_000), uri, small.storage, { minPartBytes: 1 << 20 });
    expect(result.parts.length).toBeGreaterThan(1);
    expect(readdirSync(uri)).toEqual(result.parts.map((_, i) => String(i).padStart(5, "0")));
    const t = await StructuredDataset.fromUri(uri, small).open(ArrowTable).all();
    expect(t.numRows).toBe(400_000);
    const i = t.getChild("i") as A.Vector<A.Int64>;
    expect(i.get(123_456)).toBe(123_456n);
    expect(i.get(399_999)).toBe(399_999n);
  });

  it("splits a table with an odd row count into parts whose bitmaps and values all survive", async () => {
    const { writeParquet } = await import("../../src/adapters/parquet/parquet-write.js");
    const uri = join(work, "odd-parts");
    // 7 rows into a 100,003-row batch: neither the slice nor the part boundaries fall on whole bitmap bytes.
    const table = new A.Table([numbers(0, 7), numbers(7, 100_003)]);
    const result = await writeParquet(table, uri, engine.storage, { minPartBytes: 1 << 20 });
    expect(result.parts.length).toBe(2);
    const back = await StructuredDataset.fromUri(uri, engine).open(ArrowTable).all();
    expect(back.numRows).toBe(100_010);
    const b = back.getChild("b") as A.Vector<A.Bool>;
    const i = back.getChild("i") as A.Vector<A.Int64>;
    for (let k = 0; k < back.numRows; k++) {
      if (i.get(k) !== BigInt(k) || b.get(k) !== (k % 2 === 0)) throw new Error(`row ${k} differs`);
    }
  });

  it("reads directories of any part names and skips bookkeeping files", async () => {
    const { writeParquet } = await import("../../src/adapters/parquet/parquet-write.js");
    const src = join(work, "spark-src");
    await writeParquet(new A.Table(numbers(0, 10)), src, engine.storage);
    await writeParquet(new A.Table(numbers(10, 5)), join(work, "spark-src2"), engine.storage);
    const dir = join(work, "spark");
    mkdirSync(dir);
    writeFileSync(join(dir, "part-00000-abc.snappy.parquet"), readFileSync(join(src, "00000")));
    writeFileSync(join(dir, "part-00001-abc.snappy.parquet"), readFileSync(join(work, "spark-src2", "00000")));
    writeFileSync(join(dir, "_SUCCESS"), "");
    writeFileSync(join(dir, ".part-00000-abc.snappy.parquet.crc"), "crc");
    const t = await StructuredDataset.fromUri(dir, engine).open(ArrowTable).all();
    expect(rows(t).map((r) => (r as { i: string }).i)).toEqual(Array.from({ length: 15 }, (_, k) => `${k}n`));
    // A single file works as well as a directory (polars and geopandas point literals at files).
    const one = await StructuredDataset.fromUri(join(src, "00000"), engine).open(ArrowTable).all();
    expect(one.numRows).toBe(10);
  });
});

describe("column subsetting", () => {
  const table = new A.Table(numbers(0, 100));

  it("a reader declaring columns gets only those, in its order", async () => {
    const l = await write(table);
    const narrow = structuredDataset({ columns: z.object({ s: z.string(), i: z.int() }) });
    const t = await (await engine.toValue(l, narrow)).open(ArrowTable).all();
    expect(t.schema.fields.map((f) => f.name)).toEqual(["s", "i"]);
    expect(rows(t)[7]).toEqual({ s: "s7", i: "7n" });
  });

  it("a reader without columns gets the literal's declared columns, or everything when it declares none", async () => {
    const declared = await write(table, structuredDataset({ columns: z.object({ f: z.number() }) }));
    expect(sdOf(declared).metadata?.structuredDatasetType?.columns.map((c) => c.name)).toEqual(["f"]);
    const t = await (await engine.toValue(declared, any)).open(ArrowTable).all();
    expect(t.schema.fields.map((f) => f.name)).toEqual(["f"]);
    const all = await (await engine.toValue(await write(table), any)).open(ArrowTable).all();
    expect(all.schema.fields.map((f) => f.name)).toEqual(["i", "f", "s", "b"]);
  });

  it("a dotted column reads its top-level struct", async () => {
    const nested = new A.Table({
      id: A.vectorFromArray([1, 2], new A.Int32()),
      info: A.vectorFromArray([{ tel: "1" }, { tel: "2" }], new A.Struct([new A.Field("tel", new A.Utf8(), true)])),
    });
    const l = await write(nested);
    const type = structuredDataset({ columns: z.object({ info: z.object({ tel: z.string() }) }) });
    const t = await (await engine.toValue(l, type)).open(ArrowTable).all();
    expect(rows(t)).toEqual([{ info: { tel: "1" } }, { info: { tel: "2" } }]);
  });

  it("a declared column the data lacks is unknown_column, naming the URI and the column", async () => {
    const l = await write(table);
    const type = structuredDataset({ columns: z.object({ nope: z.int() }) });
    const e = await rejection((await engine.toValue(l, type)).open(ArrowTable).all());
    expect(e.code).toBe(ErrorCode.unknownColumn);
    expect(e.message).toContain(sdOf(l).uri);
    expect(e.message).toContain('"nope"');
    expect(e.issues[0]?.received).toBe("nope");
  });
});

describe("values", () => {
  it("a remote URI passes through without I/O, with the declared format", async () => {
    const l = await engine.toLiteral("s3://bucket/some/df", structuredDataset({ format: "parquet" }));
    expect(sdOf(l).uri).toBe("s3://bucket/some/df");
    expect(sdOf(l).metadata?.structuredDatasetType?.format).toBe("parquet");
  });

  it("a local dataset path is uploaded under the raw prefix", async () => {
    const { writeParquet } = await import("../../src/adapters/parquet/parquet-write.js");
    const local = join(work, "local-ds");
    await writeParquet(new A.Table(numbers(0, 42)), local, engine.storage);
    const l = await engine.toLiteral(StructuredDataset.fromUri(local, { format: "parquet" }), any);
    expect(sdOf(l).uri.startsWith(raw)).toBe(true);
    expect((await (await engine.toValue(l, any)).open(ArrowTable).all()).numRows).toBe(42);
  });

  it("inside a record it is {uri, file_format}, as flytekit serialises it", async () => {
    const Rec = z.object({ name: z.string(), df: structuredDataset() });
    const l = await engine.toLiteral(
      { name: "x", df: StructuredDataset.from(ArrowTable, new A.Table(numbers(0, 3))) },
      Rec,
    );
    const back = await engine.toValue(l, Rec);
    expect(back.df.format).toBe("parquet");
    expect((await back.df.open(ArrowTable).all()).numRows).toBe(3);
  });

  it("opening a dataset that was never written says so", async () => {
    const sd = StructuredDataset.from(ArrowTable, new A.Table(numbers(0, 1)));
    expect(() => sd.open(ArrowTable)).toThrow(/not been written yet/);
  });
});
