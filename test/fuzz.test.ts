// Fuzzing the decoders: random and mutated bytes into decodeLiteral, decodeLiteralMap, msgpack record decoding and
// the Parquet reader, and mutated valid literals into toValue. Every input either decodes or fails with a typed
// FlyteTypeError; anything else (a TypeError, a RangeError, a wasm trap) fails the test and the input is saved to
// fixtures/fuzz/ as a regression case, replayed on every run. FUZZ_RUNS sets the budget (`npm run fuzz`: 20,000).
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as A from "apache-arrow";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTypeEngine,
  decodeLiteral,
  decodeLiteralMap,
  encodeLiteral,
  encodeLiteralMap,
  FlyteTypeError,
  timestamp,
} from "../src/index.js";
import { decodeMsgpack } from "../src/msgpack.js";
import { readParquetTable } from "../src/parquet/read.js";
import { writeParquet } from "../src/parquet/write.js";
import { numbers } from "./arrow-data.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const FIXTURES = new URL("../fixtures/fuzz/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "flyte-fuzz-"));
const engine = createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const Record = z.object({
  id: z.int(),
  name: z.string(),
  tags: z.array(z.string()),
  at: timestamp(),
  m: z.record(z.string(), z.number()),
});
const valid = await engine.toLiteral(
  { id: 7, name: "seven", tags: ["a", "b"], at: { seconds: 1n, nanos: 5000 }, m: { x: 1.5 } },
  Record,
);
const validBytes = encodeLiteral(valid);
const validMap = encodeLiteralMap({ $typeName: "flyteidl.core.LiteralMap", literals: { a: valid, b: valid } } as never);
const msgpackBytes = (valid.value.value as { value: { value: { value: Uint8Array } } }).value.value.value;
await writeParquet(new A.Table(numbers(0, 3000)), join(work, "good"), engine.storage, {});
const parquetBytes = readFileSync(join(work, "good", "00000"));

type Target = (bytes: Uint8Array) => unknown;
const TARGETS: Record<string, { run: Target; seed: Uint8Array }> = {
  literal: { run: (b) => decodeLiteral(b), seed: validBytes },
  "literal-map": { run: (b) => decodeLiteralMap(b), seed: validMap },
  msgpack: { run: (b) => decodeMsgpack(b), seed: msgpackBytes },
  "to-value": { run: (b) => engine.toValue(decodeLiteral(b), Record), seed: validBytes },
  parquet: {
    run: async (b) => {
      const file = join(work, `p-${createHash("sha1").update(b).digest("hex")}.parquet`);
      writeFileSync(file, b);
      try {
        return await readParquetTable(file, engine.storage);
      } finally {
        rmSync(file, { force: true });
      }
    },
    seed: parquetBytes,
  },
};

/** Typed errors are the contract; anything else is a finding. */
async function outcome(run: Target, bytes: Uint8Array): Promise<string | undefined> {
  try {
    await run(bytes);
    return undefined;
  } catch (e) {
    return e instanceof FlyteTypeError ? undefined : `${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
}

/** Bytes of a valid input with a few bytes overwritten, inserted or cut. */
const mutated = (seed: Uint8Array) =>
  fc
    .array(
      fc.tuple(
        fc.nat(Math.max(0, seed.length - 1)),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom("set", "insert", "cut"),
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((edits) => {
      const out = [...seed];
      for (const [at, byte, how] of edits) {
        if (how === "set") out[at % Math.max(1, out.length)] = byte;
        else if (how === "insert") out.splice(at, 0, byte);
        else out.splice(at, 1 + (byte % 16));
      }
      return Uint8Array.from(out);
    });

describe("fuzzing: only typed errors", () => {
  for (const [name, target] of Object.entries(TARGETS)) {
    const budget = name === "parquet" ? Math.max(20, Math.floor(RUNS / 10)) : RUNS;
    it(`${name}: random and mutated bytes (${budget} inputs)`, async () => {
      const input = fc.oneof(fc.uint8Array({ maxLength: 512 }), mutated(target.seed));
      const run = await fc.check(
        fc.asyncProperty(input, async (b) => (await outcome(target.run, b)) === undefined),
        { numRuns: budget },
      );
      if (run.failed && run.counterexample !== null) {
        const bytes = run.counterexample[0];
        const file = join(FIXTURES, `${name}-${createHash("sha1").update(bytes).digest("hex").slice(0, 12)}.bin`);
        writeFileSync(file, bytes);
        expect.fail(`${name}: ${await outcome(target.run, bytes)} (input saved to ${file})`);
      }
    }, 120_000);
  }

  it("replays every saved counterexample in fixtures/fuzz", async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".bin"));
    for (const f of files) {
      const name = Object.keys(TARGETS).find((t) => f.startsWith(`${t}-`) && !f.slice(t.length + 1).includes("-"));
      const target = TARGETS[name ?? ""];
      if (target === undefined) throw new Error(`fixtures/fuzz/${f} names no fuzz target`);
      expect(await outcome(target.run, readFileSync(join(FIXTURES, f))), f).toBeUndefined();
    }
  });
});
