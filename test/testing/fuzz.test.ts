// Fuzzing the decoders: random and mutated bytes into decodeLiteral, decodeLiteralMap, msgpack record decoding and
// the Parquet reader, mutated valid literals into toValue, and mutated .pb files through `flyte-types inspect`
// (targets in test/support/fuzz-targets.ts). Every input either decodes or fails with a typed FlyteTypeError (the
// command: exit 0 or 1), within a time limit and a memory budget: inputs run in a sandboxed worker
// (test/support/fuzz-sandbox.ts), so a crash, a hang or a memory blow-up is a finding like a wrong error. Findings
// are saved to fixtures/fuzz/ as regression cases, replayed on every run. FUZZ_RUNS sets the budget (`npm run fuzz`).
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox } from "../support/fuzz-sandbox.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const FIXTURES = new URL("../../fixtures/fuzz", import.meta.url).pathname;
const TARGETS = ["literal", "literal-map", "msgpack", "to-value", "parquet", "cli", "offload"];
/** Inputs per target, relative to FUZZ_RUNS: Parquet files, command runs and reference graphs cost more per input. */
const SHARE: Readonly<Record<string, number>> = { parquet: 1 / 10, cli: 1 / 4, offload: 1 / 4 };
const work = mkdtempSync(join(tmpdir(), "flyte-fuzz-"));
// Hangs and memory: no decoder needs seconds or more than a few hundred MB for inputs of at most a few KB.
const sandbox = new Sandbox({ work, heapMb: 512, timeoutMs: 10_000, rssBudgetMb: 3072 });
const seeds = await sandbox.start();
afterAll(() => {
  sandbox.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Bytes of a valid input with a few bytes overwritten, inserted or cut. */
const mutated = (seed: Uint8Array) =>
  fc
    .array(
      fc.tuple(
        fc.nat(Math.max(0, seed.length - 1)),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom("set", "insert", "cut"),
      ),
      { minLength: 1, maxLength: 8 },
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

describe("fuzzing: only typed errors, no crash, no hang, bounded memory", () => {
  for (const name of TARGETS) {
    const share = SHARE[name];
    const budget = share === undefined ? RUNS : Math.max(20, Math.floor(RUNS * share));
    it(`${name}: random and mutated bytes (${budget} inputs)`, async () => {
      const valid = fc.constantFrom(...(seeds[name] ?? [])).chain(mutated);
      const input = fc.oneof(fc.uint8Array({ maxLength: 512 }), valid);
      const run = await fc.check(
        fc.asyncProperty(input, async (b) => (await sandbox.run(name, b)) === undefined),
        // Shrinking a hang costs a timeout per step: it stops after a while with the smallest input so far.
        { numRuns: budget, interruptAfterTimeLimit: 120_000 },
      );
      if (run.failed && run.counterexample !== null) {
        const bytes = run.counterexample[0];
        const file = join(FIXTURES, `${name}-${createHash("sha1").update(bytes).digest("hex").slice(0, 12)}.bin`);
        writeFileSync(file, bytes);
        expect.fail(`${name}: ${await sandbox.run(name, bytes)} (input saved to ${file})`);
      }
    }, 300_000);
  }

  it("replays every saved counterexample in fixtures/fuzz", async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".bin"));
    for (const f of files) {
      const name = TARGETS.find((t) => f.startsWith(`${t}-`) && !f.slice(t.length + 1).includes("-"));
      if (name === undefined) throw new Error(`fixtures/fuzz/${f} names no fuzz target`);
      expect(await sandbox.run(name, readFileSync(join(FIXTURES, f))), f).toBeUndefined();
    }
  });
});

describe("the fuzz sandbox", () => {
  // Its own sandbox with a small heap, so the self-tests are quick and leave the fuzzing one alone.
  const small = new Sandbox({ work, heapMb: 64, timeoutMs: 2_000, rssBudgetMb: 3072 });
  afterAll(() => small.stop());

  it("reports an input that hangs, then goes on with a fresh worker", async () => {
    expect(await small.run("self-hang", Uint8Array.of(0xff))).toMatch(/^hang: no answer within 2000 ms/);
    expect(await small.run("self-hang", Uint8Array.of(0))).toBeUndefined();
  });

  it("reports an input that exhausts memory, then goes on with a fresh worker", async () => {
    expect(await small.run("self-hog", Uint8Array.of(0xff))).toMatch(/^memory: the input exhausted the worker's 64 MB/);
    expect(await small.run("msgpack", Uint8Array.of(0xc0))).toBeUndefined();
  });

  it("reports a non-typed error with its name", async () => {
    expect(await small.run("no-such-target", Uint8Array.of(0))).toBe("no fuzz target no-such-target");
  });
});
