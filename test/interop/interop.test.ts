// The interop conformance suite: the real flytekit and Flyte 2 judge every case in both directions.
// Python writes each case's LiteralType and Literal (produce.py); we check that we read the value, write the same
// LiteralType and Literal bytes, and recognise the files; then Python reads the literals we wrote (consume.py).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { equals } from "@bufbuild/protobuf";
import { afterAll, describe, expect, it } from "vitest";
import { knownDifferences } from "../../scripts/known-differences.js";
import { createTypeEngine } from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import { decodeLiteral, decodeLiteralType, encodeLiteral, encodeLiteralType } from "../../src/literal/index.js";
import { inspectBytes } from "../../src/literal/inspect.js";
import { fromNeutral, schemas } from "../support/schema-cases.js";

const root = new URL("../..", import.meta.url).pathname;
const python = join(root, ".venv/bin/python");
const SDKS = ["flytekit", "flyte2"] as const;
type Sdk = (typeof SDKS)[number];
const CHECKS = ["read", "type", "bytes", "write", "inspect"] as const;
type Check = (typeof CHECKS)[number];

interface ManifestCase {
  name: string;
  schema: string;
  value: unknown;
  error?: string;
  /** Both sides must refuse the value; the word names the reason ("ambiguous"). */
  expect_error?: string;
}
interface Difference {
  sdk: Sdk;
  case: string;
  check: Check;
  detail: string;
}

if (!existsSync(python)) throw new Error("no .venv: npm test creates it (scripts/ensure-venv.sh)");
const engine = createTypeEngine();
const work = mkdtempSync(join(tmpdir(), "flyte-types-interop-"));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const show = (v: unknown) =>
  JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}n` : Number.isNaN(x) ? "NaN" : x));

/** Runs every check of one SDK's cases and returns the manifest, its version and the differences found. */
async function judge(sdk: Sdk): Promise<{ version: string; cases: ManifestCase[]; differences: Difference[] }> {
  const dir = join(work, sdk);
  execFileSync(python, [join(root, "test/python/produce.py"), sdk, dir], { stdio: ["ignore", "ignore", "inherit"] });
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    version: string;
    cases: ManifestCase[];
  };
  const differences: Difference[] = [];
  const differ = (c: ManifestCase, check: Check, detail: string) =>
    differences.push({ sdk, case: c.name, check, detail });
  mkdirSync(join(dir, "ts"), { recursive: true });

  for (const c of manifest.cases) {
    const schema = schemas[c.schema];
    if (schema === undefined) throw new Error(`case ${c.name} names unknown schema ${c.schema}`);
    const value = fromNeutral(c.value, c.schema);
    if (c.expect_error !== undefined) {
      if (!(c.error ?? "").toLowerCase().includes(c.expect_error)) {
        differ(c, "write", `Python did not refuse it as ${c.expect_error}: ${c.error ?? "it succeeded"}`);
      }
      const ours = await engine.toLiteral(value as never, schema).then(
        () => "it succeeded",
        (e: Error) => e.message,
      );
      if (!ours.toLowerCase().includes(c.expect_error)) {
        differ(c, "bytes", `flyte-types did not refuse it as ${c.expect_error}: ${ours}`);
      }
      continue;
    }
    if (c.error !== undefined) {
      differ(c, "read", `Python could not produce it: ${c.error}`);
      continue;
    }
    const ltBytes = readFileSync(join(dir, `${c.name}.lt.pb`));
    const litBytes = readFileSync(join(dir, `${c.name}.lit.pb`));
    const attempt = async (check: Check, body: () => Promise<string | undefined> | string | undefined) => {
      try {
        const d = await body();
        if (d !== undefined) differ(c, check, d);
      } catch (e) {
        differ(c, check, `threw ${(e as Error).message.split("\n").join(" ")}`);
      }
    };
    await attempt("read", async () => {
      const got = await engine.toValue(decodeLiteral(litBytes), schema);
      return isDeepStrictEqual(got, value) ? undefined : `read ${show(got)}, expected ${show(value)}`;
    });
    await attempt("type", () => {
      const ours = engine.literalType(schema);
      if (!equals(model.LiteralTypeSchema, ours, decodeLiteralType(ltBytes))) return "LiteralType differs structurally";
      const b = hex(encodeLiteralType(ours, { deterministic: true }));
      return b === hex(ltBytes) ? undefined : `LiteralType bytes ${b} != ${hex(ltBytes)}`;
    });
    await attempt("bytes", async () => {
      const ours = encodeLiteral(await engine.toLiteral(value as never, schema), { deterministic: true });
      writeFileSync(join(dir, "ts", `${c.name}.pb`), ours);
      return hex(ours) === hex(litBytes) ? undefined : `Literal bytes ${hex(ours)} != ${hex(litBytes)}`;
    });
    await attempt("inspect", () => {
      const kinds = [inspectBytes(litBytes).kind, inspectBytes(ltBytes).kind];
      return kinds[0] === "literal" && kinds[1] === "literal-type"
        ? undefined
        : `inspect took them for ${kinds.join(" and ")}`;
    });
  }

  const out = execFileSync(python, [join(root, "test/python/consume.py"), sdk, dir], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const { results } = JSON.parse(out.trim().split("\n").pop() as string) as { results: Record<string, string | null> };
  for (const c of manifest.cases) {
    if (c.error !== undefined || c.expect_error !== undefined) continue;
    const r = results[c.name];
    if (r === undefined) differ(c, "write", "Python had no literal from flyte-types to read");
    else if (r !== null) differ(c, "write", `Python read it differently: ${r}`);
  }
  return { version: manifest.version, cases: manifest.cases, differences };
}

const judged = { flytekit: await judge("flytekit"), flyte2: await judge("flyte2") };
const known = knownDifferences();
/** A row's case may end in `*`: a group of cases by prefix (`pyd_*`). */
const caseMatches = (pattern: string, name: string) =>
  pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
const rowMatches = (k: { sdk: string; case: string; check: string }, d: Difference) =>
  (k.sdk === "*" || k.sdk === d.sdk) && caseMatches(k.case, d.case) && k.check === d.check;
const isKnown = (d: Difference) => known.some((k) => rowMatches(k, d));
const all = SDKS.flatMap((s) => judged[s].differences);

afterAll(() => {
  const total = SDKS.reduce((n, s) => n + judged[s].cases.length, 0);
  const failing = new Set(all.map((d) => `${d.sdk}/${d.case}`));
  const lines = [
    `interop: ${total - failing.size}/${total} cases agree (flytekit ${judged.flytekit.version}, flyte ${judged.flyte2.version})`,
    ...all.map((d) => `  ${isKnown(d) ? "known" : "DIFFERS"} ${d.sdk} ${d.case} [${d.check}]: ${d.detail}`),
  ];
  process.stdout.write(`\n${lines.join("\n")}\n`);
});

describe.each(SDKS)("%s", (sdk) => {
  it("produced the whole matrix", () => expect(judged[sdk].cases.length).toBeGreaterThanOrEqual(80));
  it.each(judged[sdk].cases.map((c) => c.name))("%s agrees in every direction", (name) => {
    const unexplained = judged[sdk].differences.filter((d) => d.case === name && !isKnown(d));
    expect(unexplained.map((d) => `${d.check}: ${d.detail}`)).toEqual([]);
  });
});

it("every listed known difference still happens", () => {
  const stale = known.filter((k) => !all.some((d) => rowMatches(k, d)));
  expect(stale).toEqual([]);
});
