// What the fuzzer feeds: each target decodes bytes one way (a literal, a literal map, msgpack, a record through
// toValue, a Parquet file), seeded with one valid input to mutate. The contract: an input either decodes or fails
// with a typed FlyteTypeError. Two self-test targets hang and hog memory on purpose, so the sandbox that runs
// targets is itself tested to catch both.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { z } from "zod";
import { numbers } from "../../fixtures/arrow-data.js";
import { readParquetTable } from "../../src/adapters/parquet/parquet-read.js";
import { writeParquet } from "../../src/adapters/parquet/parquet-write.js";
import {
  createTypeEngine,
  decodeLiteral,
  decodeLiteralMap,
  encodeLiteral,
  encodeLiteralMap,
  FlyteTypeError,
  timestamp,
} from "../../src/index.js";
import { decodeMsgpack } from "../../src/msgpack/msgpack-reader.js";

export type Run = (bytes: Uint8Array) => unknown;
export interface Target {
  readonly run: Run;
  readonly seed: Uint8Array;
}

const Record = z.object({
  id: z.int(),
  name: z.string(),
  tags: z.array(z.string()),
  at: timestamp(),
  m: z.record(z.string(), z.number()),
});

/** The targets, with their seeds written under `work`. */
export async function makeTargets(work: string): Promise<Readonly<Record<string, Target>>> {
  const engine = createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });
  const valid = await engine.toLiteral(
    { id: 7, name: "seven", tags: ["a", "b"], at: { seconds: 1n, nanos: 5000 }, m: { x: 1.5 } },
    Record,
  );
  const validBytes = encodeLiteral(valid);
  const validMap = encodeLiteralMap({
    $typeName: "flyteidl.core.LiteralMap",
    literals: { a: valid, b: valid },
  } as never);
  const msgpackBytes = (valid.value.value as { value: { value: { value: Uint8Array } } }).value.value.value;
  await writeParquet(new A.Table(numbers(0, 3000)), join(work, "good"), engine.storage, {});
  const parquetBytes = readFileSync(join(work, "good", "00000"));
  return {
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
}

/** Targets that misbehave on purpose when the first byte is 0xff: the sandbox must report them. */
export const SELF_TESTS: Readonly<Record<string, Run>> = {
  "self-hang": (b) => {
    while (b[0] === 0xff) {
      // spins: only the watchdog ends this
    }
  },
  "self-hog": (b) => {
    const hoard: number[][] = [];
    while (b[0] === 0xff) hoard.push(new Array(1 << 20).fill(hoard.length));
    return hoard;
  },
};

/** Typed errors are the contract; anything else is a finding, described. */
export async function outcome(run: Run, bytes: Uint8Array): Promise<string | undefined> {
  try {
    await run(bytes);
    return undefined;
  } catch (e) {
    return e instanceof FlyteTypeError ? undefined : `${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
}
