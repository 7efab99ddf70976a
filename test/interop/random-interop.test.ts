// Randomized interop: flytekit and Flyte 2 draw type trees and values from a seed (test/python/random_cases.py) and
// judge them both ways, as the fixed matrix does. INTEROP_SEED picks the seed (else a random one, printed);
// INTEROP_CASES the cases per SDK. Saved failing seeds (fixtures/interop-seeds/) are replayed on every run.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import { type DescMessage, equals, type MessageShape, toJson } from "@bufbuild/protobuf";
import { afterAll, describe, expect, it } from "vitest";
import { createTypeEngine } from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import { decodeLiteral, decodeLiteralType, encodeLiteral, encodeLiteralType } from "../../src/literal/index.js";
import { type Dates, neutralValue, schemaOf, type TypeDescription } from "../support/random-schema-cases.js";

const root = new URL("../..", import.meta.url).pathname;
const python = join(root, ".venv/bin/python");
const seedsDir = join(root, "fixtures/interop-seeds");
const SDKS = ["flytekit", "flyte2"] as const;
type Sdk = (typeof SDKS)[number];
type Check = "read" | "type" | "bytes" | "guess" | "consume";

interface RandomCase {
  name: string;
  seed: number;
  shape: string;
  dates: Dates;
  desc: TypeDescription;
  value: unknown;
  /** Why Python's own round trip rules the case out (pickled, refuses the value, reads back something else). */
  excluded?: string;
  detail?: string;
  /** Checks a deliberate difference (KNOWN_DIFFERENCES.md) breaks for this case, with the reason; see random_produce.py. */
  known?: Partial<Record<Check, string>>;
}
interface Difference {
  sdk: Sdk;
  case: RandomCase;
  check: Check;
  detail: string;
  /** The known difference (test/interop/KNOWN_DIFFERENCES.md) that explains it. */
  known?: string;
}
interface SavedSeed {
  seed: number;
  cases: string[];
}

if (!existsSync(python)) throw new Error("no .venv: npm test creates it (scripts/ensure-venv.sh)");
const run = promisify(execFile);
const engine = createTypeEngine();
const work = mkdtempSync(join(tmpdir(), "flyte-types-random-interop-"));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const show = (v: unknown) =>
  JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : Number.isNaN(x) ? "NaN" : x));

const seed = Number(process.env.INTEROP_SEED ?? Math.floor(Math.random() * 2 ** 31));
const count = Number(process.env.INTEROP_CASES ?? 400);
const saved: SavedSeed[] = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(seedsDir, f), "utf8")) as SavedSeed)
      .filter((s) => s.seed !== seed)
  : [];
const indexOf = (name: string) => name.slice(name.lastIndexOf("_") + 1);
/** random_produce.py's jobs: the saved seeds' failing cases, then `count` cases of this run's seed. */
const jobs = [...saved.map((s) => `${s.seed}:=${s.cases.map(indexOf).join(",")}`), `${seed}:${count}`];
process.stdout.write(`interop random: seed ${seed} (INTEROP_SEED=${seed} replays it), ${saved.length} saved seeds\n`);

/** The message as JSON without any `structure` (a record's type as Flyte 2 or flytekit 1.16 spells it). */
function withoutStructure<D extends DescMessage>(schema: D, message: MessageShape<D>): unknown {
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : x !== null && typeof x === "object"
        ? Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (k === "structure" ? [] : [[k, strip(v)]])))
        : x;
  return strip(toJson(schema, message));
}

async function judge(sdk: Sdk): Promise<{ version: string; cases: RandomCase[]; differences: Difference[] }> {
  const dir = join(work, sdk);
  await run(python, [join(root, "test/python/random_produce.py"), sdk, dir, ...jobs], { maxBuffer: 1 << 26 });
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    version: string;
    cases: RandomCase[];
  };
  const differences: Difference[] = [];
  mkdirSync(join(dir, "ts"), { recursive: true });
  for (const c of manifest.cases) {
    if (c.excluded !== undefined) continue;
    const differ = (check: Check, detail: string, explained?: string) => {
      const known = explained ?? c.known?.[check];
      differences.push({ sdk, case: c, check, detail, ...(known === undefined ? {} : { known }) });
    };
    const attempt = async (check: Check, body: () => Promise<string | undefined> | string | undefined) => {
      try {
        const d = await body();
        if (d !== undefined) differ(check, d);
      } catch (e) {
        differ(check, `threw ${(e as Error).message.split("\n").join(" ").slice(0, 400)}`);
      }
    };
    const ltBytes = readFileSync(join(dir, `${c.name}.lt.pb`));
    const litBytes = readFileSync(join(dir, `${c.name}.lit.pb`));
    let schema: ReturnType<typeof schemaOf>;
    let value: unknown;
    try {
      schema = schemaOf(c.desc, c.dates);
      value = neutralValue(c.value, c.dates);
    } catch (e) {
      differ("type", `no zod schema for it: ${(e as Error).message}`);
      continue;
    }
    await attempt("read", async () => {
      const got = await engine.toValue(decodeLiteral(litBytes), schema);
      return isDeepStrictEqual(got, value) ? undefined : `read ${show(got)}, expected ${show(value)}`;
    });
    await attempt("type", () => {
      const ours = engine.literalType(schema);
      const theirs = decodeLiteralType(ltBytes);
      const b = hex(encodeLiteralType(ours, { deterministic: true }));
      if (equals(model.LiteralTypeSchema, ours, theirs) && b === hex(ltBytes)) return undefined;
      const detail = `LiteralType ${show(toJson(model.LiteralTypeSchema, ours))} != ${show(toJson(model.LiteralTypeSchema, theirs))}`;
      const same = isDeepStrictEqual(
        withoutStructure(model.LiteralTypeSchema, ours),
        withoutStructure(model.LiteralTypeSchema, theirs),
      );
      if (sdk === "flyte2" && same) differ("type", detail, "flyte2 record structure (type)");
      else return detail;
      return undefined;
    });
    await attempt("bytes", async () => {
      const literal = await engine.toLiteral(value as never, schema);
      const ours = encodeLiteral(literal, { deterministic: true });
      writeFileSync(join(dir, "ts", `${c.name}.pb`), ours);
      if (hex(ours) === hex(litBytes)) return undefined;
      const detail = `Literal bytes ${hex(ours)} != ${hex(litBytes)}`;
      const same = isDeepStrictEqual(
        withoutStructure(model.LiteralSchema, literal),
        withoutStructure(model.LiteralSchema, decodeLiteral(litBytes)),
      );
      if (sdk === "flyte2" && same) differ("bytes", detail, "flyte2 union embeds record structure (bytes)");
      else return detail;
      return undefined;
    });
    await attempt("guess", async () => {
      await engine.toValue(decodeLiteral(litBytes), engine.guessType(decodeLiteralType(ltBytes)));
      return undefined;
    });
  }
  const { stdout } = await run(python, [join(root, "test/python/random_consume.py"), sdk, dir, ...jobs], {
    maxBuffer: 1 << 26,
  });
  const { results } = JSON.parse(stdout.trim().split("\n").pop() as string) as {
    results: Record<string, string | null>;
  };
  for (const c of manifest.cases) {
    if (c.excluded !== undefined || !existsSync(join(dir, "ts", `${c.name}.pb`))) continue;
    const r = results[c.name];
    const known = c.known?.consume;
    const detail = r === undefined ? "Python did not read it" : `Python read ${r}`;
    if (r !== null)
      differences.push({ sdk, case: c, check: "consume", detail, ...(known === undefined ? {} : { known }) });
  }
  return { version: manifest.version, cases: manifest.cases, differences };
}

const [flytekit, flyte2] = await Promise.all([judge("flytekit"), judge("flyte2")]);
const judged: Record<Sdk, typeof flytekit> = { flytekit, flyte2 };
const all = SDKS.flatMap((s) => judged[s].differences);
const unexplained = all.filter((d) => d.known === undefined);

/** The report line of one seed: cases that agree (known differences included), of those not excluded. */
function report(s: number): string[] {
  const cases = SDKS.flatMap((sdk) => judged[sdk].cases.filter((c) => c.seed === s).map((c) => ({ sdk, c })));
  const excluded = cases.filter(({ c }) => c.excluded !== undefined);
  const judgedCases = cases.length - excluded.length;
  const failing = new Set(unexplained.filter((d) => d.case.seed === s).map((d) => `${d.sdk}/${d.case.name}`));
  const tally = (xs: string[]) => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
  };
  const known = all.filter((d) => d.case.seed === s && d.known !== undefined);
  const explained = new Set(known.map((d) => `${d.sdk}/${d.case.name}`));
  return [
    `interop random (seed ${s}): ${judgedCases - failing.size}/${judgedCases} agree, ${excluded.length} excluded` +
      (excluded.length ? ` (${tally(excluded.map(({ sdk, c }) => `${sdk} ${c.excluded}`))})` : "") +
      (explained.size
        ? `; ${explained.size} agree with a known difference (${tally([...new Set(known.map((d) => `${d.sdk}/${d.case.name}\t${d.known}`))].map((x) => x.split("\t")[1] ?? ""))})`
        : ""),
    ...unexplained
      .filter((d) => d.case.seed === s)
      .map((d) => `  DIFFERS ${d.sdk} ${d.case.name} ${d.case.shape} [${d.check}]: ${d.detail.slice(0, 600)}`),
  ];
}

const seeds = [...saved.map((s) => s.seed), seed];
const newFailures = [...new Set(unexplained.filter((d) => d.case.seed === seed).map((d) => d.case.name))];
if (newFailures.length > 0) {
  mkdirSync(seedsDir, { recursive: true });
  writeFileSync(join(seedsDir, `${seed}.json`), `${JSON.stringify({ seed, cases: newFailures.sort() }, null, 1)}\n`);
}

if (process.env.INTEROP_REPORT) {
  const rows = all.map((d) => ({
    sdk: d.sdk,
    name: d.case.name,
    shape: d.case.shape,
    check: d.check,
    known: d.known,
    detail: d.detail,
  }));
  writeFileSync(process.env.INTEROP_REPORT, JSON.stringify(rows, null, 1));
}

afterAll(() => {
  const lines = [`flytekit ${flytekit.version}, flyte ${flyte2.version}`, ...seeds.flatMap(report)];
  process.stdout.write(`\n${lines.join("\n")}\n`);
});

describe.each(seeds)("random interop seed %i", (s) => {
  it("produced cases for both SDKs", () => {
    for (const sdk of SDKS) expect(judged[sdk].cases.some((c) => c.seed === s)).toBe(true);
  });
  it("every case agrees in every direction, or differs as listed", () => {
    const lines = unexplained
      .filter((d) => d.case.seed === s)
      .map((d) => `${d.sdk} ${d.case.name} ${d.case.shape} [${d.check}]: ${d.detail.slice(0, 300)}`);
    expect(lines).toEqual([]);
  });
});
