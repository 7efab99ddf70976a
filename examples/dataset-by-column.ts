// A dataset written from an Arrow table as Parquet on local storage, then read back by column: only the columns
// the reader declares are fetched and decoded. Run: npx tsx examples/dataset-by-column.ts
import { tableFromArrays } from "apache-arrow";
import { ArrowTable, createTypeEngine, StructuredDataset, structuredDataset } from "flyte-types";
import { z } from "zod";

const engine = createTypeEngine({ storage: { rawOutputPrefix: "./raw" } });
const n = 100_000;
const table = tableFromArrays({
  id: BigInt64Array.from({ length: n }, (_, i) => BigInt(i)),
  region: Array.from({ length: n }, (_, i) => ["eu", "us", "apac"][i % 3] as string),
  amount: Float64Array.from({ length: n }, (_, i) => (i % 100) / 4),
});

// Written as Parquet (flytekit's layout: <raw prefix>/<random>/00000), a literal pointing at it.
const literal = await engine.toLiteral(StructuredDataset.from(ArrowTable, table), structuredDataset());

// A reader that declares one column reads only that column.
const Amounts = structuredDataset({ columns: z.object({ amount: z.number() }) });
const amounts = await (await engine.toValue(literal, Amounts)).open(ArrowTable).all();
let sum = 0;
for (const v of amounts.getChild("amount") ?? []) sum += v ?? 0;
console.log(
  `columns read: ${amounts.schema.fields.map((f) => f.name).join(", ")}; rows: ${amounts.numRows}; sum: ${sum}`,
);

// Or batch by batch, in row order.
let rows = 0;
for await (const batch of (await engine.toValue(literal, structuredDataset())).open(ArrowTable).iter()) {
  rows += batch.numRows;
}
console.log(`streamed back ${rows} rows`);
if (amounts.numRows !== n || rows !== n || amounts.schema.fields.length !== 1) throw new Error("unexpected read");
