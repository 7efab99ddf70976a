// What the fuzzer feeds: each target decodes bytes one way (a literal, a literal map, msgpack, a record through
// toValue, a Parquet file, a file through `flyte-types inspect`), seeded with valid inputs to mutate. The contract:
// an input either decodes or fails with a typed FlyteTypeError (for the command: exits 0 with JSON, or 1 with
// one-line errors). Two self-test targets hang and hog memory on purpose, so the sandbox that runs targets is
// itself tested to catch both.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { z } from "zod";
import { numbers } from "../../fixtures/arrow-data.js";
import { readParquetTable } from "../../src/adapters/parquet/parquet-read.js";
import { writeParquet } from "../../src/adapters/parquet/parquet-write.js";
import { inspectCommand } from "../../src/cli/inspect-command.js";
import { isFlyteTypeError } from "../../src/errors/flyte-type-error.js";
import {
  createTypeEngine,
  type Literal,
  lit,
  ltype,
  resolveOffloaded,
  SimpleType,
  Storage,
  timestamp,
} from "../../src/index.js";
import { decodeLiteral, decodeLiteralMap, encodeLiteral, encodeLiteralMap } from "../../src/literal/index.js";
import { decodeMsgpack } from "../../src/msgpack/msgpack-reader.js";
import { LocalBackend } from "../../src/storage/local.js";

export type Run = (bytes: Uint8Array) => unknown;
export interface Target {
  readonly run: Run;
  /** Valid inputs the fuzzer mutates. */
  readonly seeds: readonly Uint8Array[];
}

const GOLDEN_PB = new URL("../../fixtures/golden/pb/", import.meta.url).pathname;

/** Files named for their bytes, so concurrent or repeated inputs never share one. */
const scratchFile = (work: string, b: Uint8Array, ext: string) =>
  join(work, `${ext}-${createHash("sha1").update(b).digest("hex")}.${ext}`);

/**
 * `flyte-types inspect <file>` in-process on the bytes: it must exit 0 with one JSON document on stdout, or 1 with
 * one line per problem on stderr; anything else (another code, a throw, a bug reported as an internal error) is
 * thrown here as a plain Error, which makes it a finding.
 */
async function inspectFile(work: string, b: Uint8Array): Promise<void> {
  const file = scratchFile(work, b, "pb");
  writeFileSync(file, b);
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await inspectCommand.run([file], { out: (l) => out.push(l), err: (l) => err.push(l) });
  } catch (e) {
    throw new Error(`inspect threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
  } finally {
    rmSync(file, { force: true });
  }
  const problem =
    code !== 0 && code !== 1
      ? `exit code ${code}`
      : err.find((l) => l.includes("internal error") || l.includes("\n"))
        ? `stderr: ${err.join(" | ")}`
        : code === 0 && !parsesAsJson(out)
          ? `exit 0 without one JSON document on stdout: ${out.join("\n").slice(0, 200)}`
          : undefined;
  if (problem !== undefined) throw new Error(`inspect: ${problem}`);
}

function parsesAsJson(lines: readonly string[]): boolean {
  try {
    JSON.parse(lines.join("\n"));
    return lines.length > 0;
  } catch {
    return false;
  }
}

/**
 * Offloaded literals as a random reference graph read from the bytes: byte 0 picks how many files (1 to 8); then,
 * per file, a count of references (0 to 15: none makes it a leaf integer) and for each a target (another file,
 * itself, or /dev/zero) and a claimed size (exact, zero, too small or huge). Resolving file 0 must end in a value
 * or a typed error, read each file at most once (and /dev/zero only up to a claim), and read nothing after it ends.
 */
async function offloadGraph(work: string, b: Uint8Array): Promise<void> {
  const dir = join(work, `graph-${createHash("sha1").update(b).digest("hex")}`);
  mkdirSync(dir, { recursive: true });
  try {
    let at = 0;
    const next = () => b[at++ % Math.max(1, b.length)] ?? 0;
    const n = 1 + (next() % 8);
    const files = Array.from({ length: n }, (_, i) => join(dir, `f${i}.pb`));
    const plans = files.map(() => Array.from({ length: next() % 16 }, () => [next(), next()] as const));
    // Two passes: sizes are known only once every file is written, and claims refer to them.
    const sizes = files.map(() => 0);
    for (let pass = 0; pass < 2; pass++) {
      files.forEach((file, i) => {
        const refs = (plans[i] ?? []).map(([target, claim]) => {
          const uri = target % 9 === 8 ? "/dev/zero" : (files[target % n] as string);
          const exact = uri === "/dev/zero" ? 64 : (sizes[target % n] ?? 0);
          const claimed = [exact, 0, Math.max(1, exact - 1), 2 ** 40][claim % 4] as number;
          return offloadedRef(uri, claimed);
        });
        const bytes = encodeLiteral(refs.length === 0 ? lit.integer(BigInt(i)) : lit.collection(refs));
        writeFileSync(file, bytes);
        sizes[i] = bytes.byteLength;
      });
    }
    const reads = new Map<string, number>();
    const local = new LocalBackend();
    const storage = new Storage({
      backends: [
        {
          scheme: "file",
          read: (uri, range) => {
            reads.set(uri, (reads.get(uri) ?? 0) + 1);
            return local.read(uri, range);
          },
          write: (uri, body, o) => local.write(uri, body, o),
          stat: (uri) => local.stat(uri),
          list: (prefix) => local.list(prefix),
          delete: (uri) => local.delete(uri),
        },
      ],
    });
    const first = files[0] as string;
    let failure: unknown;
    await resolveOffloaded(offloadedRef(first, sizes[0] ?? 0), storage, { maxBytes: 16 << 20 }).catch((e) => {
      failure = e;
    });
    const during = [...reads.values()].reduce((x, y) => x + y, 0);
    await new Promise((r) => setTimeout(r, 20));
    const after = [...reads.values()].reduce((x, y) => x + y, 0);
    const twice = [...reads].find(([uri, count]) => count > 1 && uri !== "/dev/zero");
    if (twice !== undefined) throw new Error(`offload: ${twice[0]} was read ${twice[1]} times`);
    if (after !== during) throw new Error(`offload: ${after - during} reads after the call ended`);
    if (failure !== undefined) throw failure;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const offloadedRef = (uri: string, size: number): Literal =>
  lit.offloaded(uri, BigInt(size), ltype.simple(SimpleType.INTEGER));

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
  const goldenPb = readdirSync(GOLDEN_PB)
    .filter((f) => f.endsWith(".pb"))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(GOLDEN_PB, f))));
  return {
    literal: { run: (b) => decodeLiteral(b), seeds: [validBytes] },
    "literal-map": { run: (b) => decodeLiteralMap(b), seeds: [validMap] },
    msgpack: { run: (b) => decodeMsgpack(b), seeds: [msgpackBytes] },
    "to-value": { run: (b) => engine.toValue(decodeLiteral(b), Record), seeds: [validBytes] },
    parquet: {
      run: async (b) => {
        const file = scratchFile(work, b, "parquet");
        writeFileSync(file, b);
        try {
          return await readParquetTable(file, engine.storage);
        } finally {
          rmSync(file, { force: true });
        }
      },
      seeds: [parquetBytes],
    },
    cli: { run: (b) => inspectFile(work, b), seeds: [...goldenPb, validMap] },
    offload: {
      run: (b) => offloadGraph(work, b),
      // A chain, a file that refers to itself, a fan-out to one file, and a reference to /dev/zero.
      seeds: [
        Uint8Array.of(2, 1, 1, 0, 0),
        Uint8Array.of(1, 3, 0, 0, 0, 0, 0, 0),
        Uint8Array.of(2, 9, 1, 0),
        Uint8Array.of(1, 1, 8, 0),
      ],
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
    return isFlyteTypeError(e) ? undefined : `${(e as Error)?.name}: ${(e as Error)?.message}`;
  }
}
