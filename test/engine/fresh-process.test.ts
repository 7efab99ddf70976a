// The built package in a fresh process, as a user loads it: createTypeEngine() alone gives working defaults
// (storage, kinds, dataset handlers), and the Parquet workers start from dist/, not from the sources.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ArrowTable, createTypeEngine, ErrorCode, FlyteFile, file, StructuredDataset } from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const root = new URL("../..", import.meta.url).pathname;
const entry = pathToFileURL(join(root, "dist/esm/index.js")).href;
const arrow = pathToFileURL(join(root, "node_modules/apache-arrow/Arrow.node.mjs")).href;
const zod = pathToFileURL(join(root, "node_modules/zod/index.js")).href;
const work = mkdtempSync(join(tmpdir(), "flyte-fresh-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs an ES module in a new node process with `work` as its directory; returns what it printed. */
const runFresh = (code: string, flags: readonly string[] = []): string =>
  execFileSync(process.execPath, [...flags, "--input-type=module", "-e", code], { cwd: work, encoding: "utf8" });

const datasetRoundTrip = `
  import { createTypeEngine, ArrowTable, StructuredDataset, structuredDataset } from ${JSON.stringify(entry)};
  import * as A from ${JSON.stringify(arrow)};
  const engine = createTypeEngine();
  const table = A.tableFromArrays({ x: Int32Array.from([1, 2, 3]) });
  const lit = await engine.toLiteral(StructuredDataset.from(ArrowTable, table), structuredDataset());
  console.log((await (await engine.toValue(lit, structuredDataset())).open(ArrowTable).all()).numRows);
`;

describe("a fresh process", () => {
  it("createTypeEngine() is all it takes: values, and a dataset written and read through dist's workers", () => {
    const out = runFresh(`
      import { createTypeEngine, ArrowTable, StructuredDataset, structuredDataset } from ${JSON.stringify(entry)};
      import * as A from ${JSON.stringify(arrow)};
      import { z } from ${JSON.stringify(zod)};
      const engine = createTypeEngine();
      const n = await engine.toValue(await engine.toLiteral(41, z.int()), z.int());
      const table = A.tableFromArrays({ x: Int32Array.from([1, 2, 3]), y: ["a", "b", "c"] });
      const lit = await engine.toLiteral(StructuredDataset.from(ArrowTable, table), structuredDataset());
      const back = await (await engine.toValue(lit, structuredDataset())).open(ArrowTable).all();
      console.log(JSON.stringify({ n, rows: back.numRows, y: back.getChild("y").toArray() }));
    `);
    expect(JSON.parse(out.trim())).toEqual({ n: 41, rows: 3, y: ["a", "b", "c"] });
    // The default storage is local, under the working directory: no server was needed.
    expect(readdirSync(join(work, ".flyte-data", "raw")).length).toBe(1);
  });

  it("the Parquet workers start under node options a worker thread refuses (V8 and per-process flags)", () => {
    // A Worker given --expose-gc or --max-old-space-size in its execArgv throws ERR_WORKER_INVALID_EXEC_ARGV.
    const flags = ["--expose-gc", "--max-old-space-size=2048", "--title=flyte-types-test", "--no-warnings"];
    expect(runFresh(datasetRoundTrip, flags).trim()).toBe("3");
  });
});

/**
 * Every module URL a fresh process resolved while running `code`. The resolve hook runs on Node's hooks thread; it
 * appends to a file synchronously, since that thread's stderr may not be flushed before the process exits.
 */
function modulesLoadedBy(code: string): string[] {
  const log = join(work, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, "");
  const hook = `import { appendFileSync } from "node:fs";
  export async function resolve(s, c, next) {
    const r = await next(s, c);
    appendFileSync(${JSON.stringify(log)}, r.url + "\\n");
    return r;
  }`;
  const register = `import { register } from "node:module";
    register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hook)}));`;
  const run = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(register)}`, "--input-type=module", "-e", code],
    { cwd: work, encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

describe("what a program loads", () => {
  it("converting values and task interfaces loads no protobuf runtime, Arrow, Parquet, AWS SDK or worker", () => {
    const loaded = modulesLoadedBy(`
      import { createTypeEngine, dataclass } from ${JSON.stringify(entry)};
      import { z } from ${JSON.stringify(zod)};
      const engine = createTypeEngine();
      const io = engine.interface({ inputs: { n: z.int(), p: dataclass(z.object({ x: z.float64(), tags: z.array(z.string()) })) } });
      const inputs = await io.toInputs({ n: 3, p: { x: 1.5, tags: ["a"] } });
      console.log(JSON.stringify(await io.fromInputs(inputs)), engine.literalType(z.int()).type.case);
    `);
    expect(loaded.some((u) => u.includes("/dist/esm/"))).toBe(true);
    const heavy = loaded.filter((u) =>
      /@bufbuild\/protobuf|apache-arrow|parquet-wasm|@aws-sdk|node:worker_threads|node:stream|node:crypto/.test(u),
    );
    expect(heavy).toEqual([]);
  });

  it("flyte-types/model loads the protobuf runtime, when a program asks for bytes", () => {
    const loaded = modulesLoadedBy(`
      import { encodeLiteral } from ${JSON.stringify(entry.replace(/index\.js$/, "model.js"))};
      import { lit } from ${JSON.stringify(entry)};
      console.log(encodeLiteral(lit.integer(1n)).length);
    `);
    expect(loaded.some((u) => u.includes("@bufbuild/protobuf"))).toBe(true);
  });
});

describe("defaults are the engine's", () => {
  it("each engine uploads to its own storage and hands it to the handles it reads", async () => {
    const a = createTypeEngine({ storage: { rawOutputPrefix: join(work, "a") } });
    const b = createTypeEngine({ storage: { rawOutputPrefix: join(work, "b") } });
    const local = join(work, "note.txt");
    writeFileSync(local, "hello");
    for (const [engine, dir] of [
      [a, "a"],
      [b, "b"],
    ] as const) {
      const lit = await engine.toLiteral(local, file());
      const handle = await engine.toValue(lit, file());
      expect(handle.uri.startsWith(join(work, dir))).toBe(true);
      expect(await handle.text()).toBe("hello");
    }
  });

  it("a handle made by hand without a storage refuses I/O with a typed error, and works given an engine", async () => {
    const engine = createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });
    const e = await rejection(new FlyteFile(join(work, "missing.txt")).bytes());
    expect(e.code).toBe(ErrorCode.noStorage);
    expect(e.message).toContain("missing.txt");
    const d = await rejection(async () => StructuredDataset.fromUri(join(work, "none")).open(ArrowTable).all());
    expect(d.code).toBe(ErrorCode.noStorage);
    const nf = await rejection(new FlyteFile(join(work, "missing.txt"), engine).bytes());
    expect(nf.code).toBe(ErrorCode.notFound);
  });
});

describe("the package's entries", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    exports: Record<string, { types: string; default: string } | string>;
    bin: Record<string, string>;
  };

  it("every subpath export and the bin point at built files, and each entry loads in a fresh process", () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      // "./package.json" exports the file itself.
      if (typeof target === "string") {
        expect(existsSync(join(root, target)), subpath).toBe(true);
        continue;
      }
      expect(existsSync(join(root, target.types)), `${subpath} types`).toBe(true);
      expect(existsSync(join(root, target.default)), `${subpath} default`).toBe(true);
    }
    for (const bin of Object.values(pkg.bin)) expect(existsSync(join(root, bin))).toBe(true);
    const names = runFresh(`
      const out = {};
      for (const [subpath, t] of Object.entries(${JSON.stringify(pkg.exports)})) {
        const file = typeof t === "string" ? t : t.default;
        const opts = file.endsWith(".json") ? { with: { type: "json" } } : undefined;
        out[subpath] = Object.keys(await import(${JSON.stringify(pathToFileURL(root).href)} + "/" + file, opts)).length;
      }
      console.log(JSON.stringify(out));
    `);
    const counts = JSON.parse(names.trim()) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(Object.keys(pkg.exports).sort());
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0);
  });
});
