// `flyte-types demo [<dir>]`, what `npm start` runs: typed values → a LiteralMap on local disk → back, printed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { createTypeEngine } from "../defaults.js";
import { inspectBytes } from "../literal/inspect.js";
import { decodeLiteralMap, encodeLiteralMap } from "../literal/wire.js";
import { duration, file, timestamp } from "../schemas.js";
import { FlyteFile } from "../values/files.js";
import { type Command, Exit } from "./command.js";

const bigintJson = (_: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);

/** Writes `<dir>/inputs.pb` and reads it back; returns whether the values survived unchanged. */
export async function runDemo(dir: string, log: (line: string) => void): Promise<boolean> {
  // Files go to local storage under the demo's directory: no server needed.
  const engine = createTypeEngine({ storage: { rawOutputPrefix: join(dir, "raw") } });
  const io = engine.interface({
    inputs: {
      count: z.int().describe("how many"),
      ratio: z.number(),
      name: z.string(),
      tags: z.array(z.string()),
      weights: z.record(z.string(), z.number()),
      started: z.date(),
      precise: timestamp(),
      timeout: duration(),
      retries: z.int().optional(),
      threshold: z.union([z.int(), z.number()]),
      mode: z.enum(["fast", "exact"]),
      seed: z.bigint(),
      // A record: a STRUCT holding msgpack, read by Python as a pydantic model with these fields.
      run: z
        .object({ id: z.int(), loss: z.number(), labels: z.array(z.string()), note: z.string().nullable() })
        .meta({ title: "Run" }),
      // A file: the local path is uploaded under the raw-output prefix; the literal holds its new URI.
      report: file({ format: "csv" }),
    },
    outputs: { score: z.number() },
  });
  const plain = {
    count: 3,
    ratio: 0.25,
    name: "héllo ✓",
    tags: ["a", "b"],
    weights: { x: 1.5, y: -2 },
    started: new Date("2024-01-02T03:04:05.678Z"),
    precise: { seconds: 1704164645n, nanos: 678901234 },
    timeout: { seconds: -90n, nanos: -500_000_000 },
    threshold: 1,
    mode: "exact" as const,
    seed: 2n ** 62n,
    run: { id: 7, loss: 2, labels: ["train"], note: null },
  };
  mkdirSync(dir, { recursive: true });
  const csv = "step,loss\n1,0.9\n2,0.4\n";
  writeFileSync(join(dir, "report.csv"), csv);
  const values = { ...plain, report: join(dir, "report.csv") };
  const target = join(dir, "inputs.pb");
  const bytes = encodeLiteralMap(await io.toInputs(values), { deterministic: true });
  writeFileSync(target, bytes);
  log(`wrote ${target} (${bytes.byteLength} bytes) from:\n${JSON.stringify(values, bigintJson, 2)}`);

  const read = readFileSync(target);
  log(`\nthe LiteralMap on disk:\n${JSON.stringify(inspectBytes(read, "literal-map").json, null, 2)}`);
  const back = await io.fromInputs(decodeLiteralMap(read));
  log(`\nread back:\n${JSON.stringify(back, bigintJson, 2)}`);
  // The file comes back as a lazy handle on its uploaded copy; nothing is read until we ask.
  const { report, ...rest } = back;
  const text = report instanceof FlyteFile ? await report.text() : undefined;
  log(`\n${report.uri} holds:\n${text}`);
  // `retries` was left out, so it travelled as None and comes back as undefined.
  const same = isDeepStrictEqual(rest, { ...plain, retries: undefined }) && text === csv;
  log(same ? "\nround trip: identical" : "\nround trip: DIFFERENT");
  return same;
}

export const demoCommand: Command = {
  args: "[<dir>]",
  summary: "converts typed values to a LiteralMap, writes <dir>/inputs.pb (default .flyte-data/demo) and reads it back",
  async run(args, io) {
    if (args.length > 1) {
      io.err("flyte-types demo: takes at most one directory");
      return Exit.usage;
    }
    return (await runDemo(args[0] ?? ".flyte-data/demo", io.out)) ? Exit.ok : Exit.failed;
  },
};
