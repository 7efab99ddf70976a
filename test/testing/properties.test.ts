// Our own property suites on top of the kit: random Arrow tables keep their values and types through Parquet
// (whole and by column subset), and the union variant a value is written as is the one its read-back value is
// written as again. The round trips of random schemas are in testing-kit.test.ts.
import type * as A from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArrowTable, structuredDataset } from "../../src/index.js";
import { decodeLiteral, encodeLiteral } from "../../src/literal/index.js";
import { arbitraryOf, arbitrarySchema, arrowTable, tableDifference } from "../../src/testing/index.js";
import { datasetSetup } from "../support/dataset-setup.js";

const { engine, write } = datasetSetup();

/** The table written as a dataset and read back, whole or by a reader declaring only `columns` (an Arrow schema). */
async function throughParquet(table: A.Table, columns?: A.Schema): Promise<A.Table> {
  const literal = await write(table);
  const type = columns === undefined ? structuredDataset() : structuredDataset({ columns });
  const sd = await engine.toValue(decodeLiteral(encodeLiteral(literal)), type);
  return sd.open(ArrowTable).all();
}

describe("Parquet round trips of random Arrow tables", () => {
  it("keep every value, null and column type", async () => {
    await fc.assert(
      fc.asyncProperty(arrowTable({ maxRows: 50 }), async (table) => {
        const diff = tableDifference(table, await throughParquet(table));
        expect(diff).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it("read a subset of columns as the same columns of the table, in the order asked", async () => {
    const withSubset = arrowTable({ maxRows: 20 }).chain((table) =>
      fc.tuple(
        fc.constant(table),
        fc.shuffledSubarray(
          table.schema.fields.map((f) => f.name),
          { minLength: 1 },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(withSubset, async ([table, columns]) => {
        const wanted = table.select(columns);
        expect(tableDifference(wanted, await throughParquet(table, wanted.schema))).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });
});

describe("union variant choice", () => {
  it("is stable: the value read back is written as the same variant, byte for byte", async () => {
    const schemaAndValue = arbitrarySchema({ engine, maxDepth: 3 }).chain((schema) =>
      fc.tuple(fc.constant(schema), arbitraryOf(schema, { engine })),
    );
    await fc.assert(
      fc.asyncProperty(schemaAndValue, async ([schema, value]) => {
        const first = encodeLiteral(await engine.toLiteral(value as never, schema), { deterministic: true });
        const back = await engine.toValue(decodeLiteral(first), schema);
        const again = encodeLiteral(await engine.toLiteral(back as never, schema), { deterministic: true });
        expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
