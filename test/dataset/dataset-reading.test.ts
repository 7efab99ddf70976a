// Reading a dataset the way a user reaches for it: a column list without a schema, a declared column whose stored
// type differs (refused, naming both), and a bare Arrow Table where a dataset is expected (written as one).
import { rmSync } from "node:fs";
import * as A from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ArrowTable, ErrorCode, structuredDataset } from "../../src/index.js";
import { datasetSetup, sdOf } from "../support/dataset-setup.js";
import { rejection } from "../support/helpers.js";

const { work, engine, any, write } = datasetSetup();
afterAll(() => rmSync(work, { recursive: true, force: true }));
const table = A.tableFromArrays({
  id: Int32Array.from([1, 2, 3]),
  price: Float64Array.from([1.5, 2.5, 3.5]),
  name: ["a", "b", "c"],
});

describe("reading", () => {
  it("open(frame, { columns }) reads the named columns, in that order, with no schema", async () => {
    const sd = await engine.toValue(await write(table), any);
    const t = await sd.open(ArrowTable, { columns: ["name", "id"] }).all();
    expect(t.schema.fields.map((f) => f.name)).toEqual(["name", "id"]);
    const batches: A.RecordBatch[] = [];
    for await (const b of sd.open(ArrowTable, { columns: ["price"] }).iter()) batches.push(b);
    expect(batches[0]?.schema.fields.map((f) => f.name)).toEqual(["price"]);
    // A name the file lacks (or one that is an object's own property name) is an error naming it.
    for (const name of ["nope", "__proto__", "constructor"]) {
      const e = await rejection(sd.open(ArrowTable, { columns: [name] }).all());
      expect(e.code).toBe(ErrorCode.unknownColumn);
      expect(e.message).toContain(name);
    }
  });

  it("a declared column stored as another type is a typed error naming the column and both types", async () => {
    const literal = await write(table);
    const wrong = structuredDataset({ columns: z.object({ price: z.string() }) });
    const sd = await engine.toValue(literal, wrong);
    const e = await rejection(sd.open(ArrowTable).all());
    expect(e.code).toBe(ErrorCode.typeMismatch);
    expect(e.message).toContain('column "price" is declared STRING but stored as FLOAT');
    const i = await rejection(async () => {
      for await (const _ of sd.open(ArrowTable).iter()) {
        // the first batch is checked
      }
    });
    expect(i.code).toBe(ErrorCode.typeMismatch);
    // The declared types that match read as before.
    const right = structuredDataset({ columns: z.object({ price: z.number(), id: z.int() }) });
    const t = await (await engine.toValue(literal, right)).open(ArrowTable).all();
    expect(t.numRows).toBe(3);
  });

  it("a bare Arrow Table where a dataset is expected is written as one, once however often a value holds it", async () => {
    const literal = await engine.toLiteral(table, any);
    expect(sdOf(literal).uri).not.toBe("");
    const back = await (await engine.toValue(literal, any)).open(ArrowTable).all();
    expect(back.numRows).toBe(3);
    const twice = await engine.toLiteral([table, table], z.array(any));
    const [a, b] = twice.value.case === "collection" ? twice.value.value.literals : [];
    expect(sdOf(a as never).uri).toBe(sdOf(b as never).uri);
    // Anything else is still refused, saying what a dataset may be.
    const e = await rejection(engine.toLiteral({ batches: "no" } as never, any));
    expect(e.message).toContain("an Arrow Table");
  });
});
