// `flyte-types demo [<dir>]`, what `npm start` runs: a task's inputs written as inputs.pb on local disk and read
// back, with a record, a class of one's own, a file and a dataset among them, then a typed error. Its schema is the
// `order` interface below; the demo prints each input's Flyte type.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { ArrowTable } from "../dataset/frame.js";
import { createTypeEngine } from "../defaults.js";
import { isFlyteTypeError } from "../errors/flyte-type-error.js";
import { describeLiteralType } from "../errors/messages.js";
import { decodeLiteralMap, encodeLiteralMap } from "../literal/wire.js";
import { dataclass, file, structuredDataset } from "../schemas.js";
import { FlyteFile } from "../values/files.js";
import { type Command, Exit } from "./command.js";

const bigintJson = (_: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);

/** A class of one's own, carried as the dataclass Python's `Money(amount: int, currency: str)` writes. */
class Money {
  constructor(
    readonly amount: bigint,
    readonly currency: string,
  ) {}
}

/** Writes `<dir>/inputs.pb` and reads it back; returns whether the values survived unchanged. */
export async function runDemo(dir: string, log: (line: string) => void): Promise<boolean> {
  // Files and datasets go to local storage under the demo's directory: no server needed.
  const engine = createTypeEngine({ storage: { rawOutputPrefix: join(dir, "raw") } });
  engine.register({
    name: "Money",
    type: Money,
    wire: dataclass(z.object({ amount: z.bigint(), currency: z.string().length(3) }).meta({ title: "Money" })),
    toWire: (m) => ({ amount: m.amount, currency: m.currency }),
    fromWire: (w) => new Money(w.amount, w.currency),
  });
  const order = engine.interface({
    inputs: {
      customer: z.string(),
      placed: z.date(),
      items: z.array(z.object({ sku: z.string(), qty: z.int().min(1) }).meta({ title: "Item" })),
      total: z.instanceof(Money),
      invoice: file({ format: "csv" }),
      sales: structuredDataset({ columns: z.object({ region: z.string(), amount: z.number() }) }),
    },
    outputs: {},
  });
  log("the `order` task's inputs (src/cli/demo-command.ts) and their Flyte types:");
  for (const [name, v] of Object.entries(order.typedInterface.inputs?.variables ?? {})) {
    log(`  ${name}: ${v.type === undefined ? "?" : describeLiteralType(v.type)}`);
  }

  mkdirSync(dir, { recursive: true });
  const csv = "sku,qty\nA-1,2\n";
  writeFileSync(join(dir, "invoice.csv"), csv);
  const { tableFromArrays } = await import("apache-arrow");
  const sales = tableFromArrays({ region: ["eu", "us", "eu"], amount: Float64Array.from([10.5, 20, 4.5]) });
  const plain = {
    customer: "héllo ✓",
    placed: new Date("2026-11-30T12:00:00.000Z"),
    items: [{ sku: "A-1", qty: 2 }],
    total: new Money(1975n, "EUR"),
  };
  const target = join(dir, "inputs.pb");
  const bytes = encodeLiteralMap(await order.toInputs({ ...plain, invoice: join(dir, "invoice.csv"), sales }));
  writeFileSync(target, bytes);
  log(`\nwrote ${target} (${bytes.byteLength} bytes); inspect it with: npx flyte-types inspect ${target}`);

  const back = await order.fromInputs(decodeLiteralMap(readFileSync(target)));
  const { invoice, sales: dataset, ...rest } = back;
  log(`read back: ${JSON.stringify(rest, bigintJson)}`);
  log(`  total is a ${rest.total.constructor.name} again: ${rest.total.amount} ${rest.total.currency}`);
  // Files and datasets come back as lazy handles: nothing is read until asked.
  const text = invoice instanceof FlyteFile ? await invoice.text() : undefined;
  log(`  ${invoice.uri} holds:\n${text}`);
  const amounts = await dataset.open(ArrowTable, { columns: ["amount"] }).all();
  const total = [...(amounts.getChild("amount") ?? [])].reduce((a: number, b) => a + (b ?? 0), 0);
  log(`  the dataset at ${dataset.uri}: ${amounts.numRows} rows; column "amount" alone sums to ${total}`);
  const same = isDeepStrictEqual(rest, plain) && text === csv && total === 35;
  log(same ? "round trip: identical" : "round trip: DIFFERENT");

  // Bad input is a typed error naming the path, the expected and the received; nothing is written.
  try {
    await order.toInputs({ ...plain, items: [{ sku: "A-1", qty: 0 }], invoice: join(dir, "invoice.csv"), sales });
  } catch (e) {
    if (!isFlyteTypeError(e)) throw e;
    log(`\nand a bad value: ${e.code} at ${e.issues[0]?.path}: ${e.issues[0]?.message}`);
  }
  return same;
}

export const demoCommand: Command = {
  args: "[<dir>]",
  summary:
    "writes a task's inputs (a record, a custom type, a file, a dataset) to <dir>/inputs.pb (default .flyte-data/demo), reads them back, and shows a typed error",
  async run(args, io) {
    if (args.length > 1) {
      io.err("flyte-types demo: takes at most one directory");
      return Exit.usage;
    }
    return (await runDemo(args[0] ?? ".flyte-data/demo", io.out)) ? Exit.ok : Exit.failed;
  },
};
