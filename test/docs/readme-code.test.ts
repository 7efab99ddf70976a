// Every TypeScript block of README.md and every program in examples/ is type-checked and run, as a user would run
// them against the built package: a doc that lies is a bug. Blocks are grouped into programs as a reader reads them
// (test/support/doc-programs.ts); a block fenced "```ts fails" must throw what its comments say. Blocks that use
// S3 run against the test S3 server, in a scratch directory holding the files they name.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBucket } from "../../scripts/moto-server.js";
import { programSource, programsOf, tsBlocks } from "../support/doc-programs.js";

const root = new URL("../..", import.meta.url).pathname;
// Inside the repository, so that "flyte-types" resolves to this package (its exports, the built dist/) and the
// dependencies to node_modules, as they would for a user.
const runDir = join(root, ".docs-run");
const endpoint = inject("s3Endpoint");
const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
const programs = programsOf(tsBlocks(readFileSync(join(root, "README.md"), "utf8")));
const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts"));
const scratch: string[] = [];

/** A scratch working directory with the files the README's blocks name. */
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "flyte-docs-"));
  scratch.push(dir);
  writeFileSync(join(dir, "report.csv"), "region,amount\neu,10.5\nus,20\n");
  mkdirSync(join(dir, "outputs"));
  writeFileSync(join(dir, "outputs", "a.txt"), "a");
  writeFileSync(join(dir, "outputs", "b.txt"), "b");
  return dir;
}

function run(file: string): string {
  return execFileSync(process.execPath, ["--import", tsx, file], {
    cwd: workDir(),
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: "us-east-1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  });
}

beforeAll(async () => {
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir);
  for (const p of programs) {
    // The README's S3 endpoint is an example; here it is the test server.
    const source = programSource(p).replaceAll("http://127.0.0.1:9000", endpoint);
    writeFileSync(join(runDir, `readme-${p.line}.ts`), source);
  }
  writeFileSync(
    join(runDir, "tsconfig.json"),
    JSON.stringify({ extends: "../tsconfig.json", compilerOptions: { noEmit: true }, include: ["*.ts"] }),
  );
  await createBucket(endpoint, "my-bucket");
});

afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe("README.md", () => {
  it("has TypeScript blocks, grouped into programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(3);
  });

  it("every program type-checks against the built package", () => {
    const r = spawnSync(join(root, "node_modules/.bin/tsc"), ["-p", join(runDir, "tsconfig.json")], {
      encoding: "utf8",
    });
    expect(`${r.stdout}${r.stderr}`, "tsc over .docs-run/").toBe("");
    expect(r.status).toBe(0);
  });

  it.each(programs.map((p) => [p.line, p] as const))("the program starting at line %i runs", (line) => {
    run(join(runDir, `readme-${line}.ts`));
  });
});

describe("examples/", () => {
  it("has complete programs", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)("%s runs and prints what it did", (name) => {
    expect(run(join(root, "examples", name)).trim().length).toBeGreaterThan(0);
  });
});
