// The JavaScript the package ships: every entry of package.json's "exports" (and the CLI and the Parquet worker)
// bundled by esbuild into dist/esm/, with the code they share in chunks beside them. tsc still writes the
// declarations (dist/src/**.d.ts). Why bundle: Node's ESM loader spends about 0.4 ms per module file, and the
// sources are ~80 small files, so a cold `import("flyte-types")` cost more in module loading than in the code
// itself (bench/RESULTS.md, "Start-up"). One build with code splitting keeps one copy of every class across the
// entries (FlyteTypeError, StructuredDataset, the registries), and the lazily loaded parts (the protobuf model,
// Parquet, S3) stay in chunks of their own, loaded on first use.
//
// Dependencies stay external, so users' own copies of zod, apache-arrow and the protobuf runtime are the ones we
// use. @msgpack/msgpack (a development dependency) is bundled: only its decoder is used, no value of it crosses the
// API, and its licence goes beside the bundle (THIRD-PARTY-LICENSES.txt). BUNDLE_META=<file> writes esbuild's
// metafile, to see what each chunk holds.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/esm`;

/** Output name (in dist/esm/) → source. The Parquet worker is found beside its pool: "./parquet-worker.js". */
const entries = {
  index: "src/index.ts",
  model: "src/literal/index.ts",
  testing: "src/testing/index.ts",
  parquet: "src/adapters/parquet/index.ts",
  "parquet-worker": "src/adapters/parquet/parquet-worker.ts",
  cli: "src/cli/main.ts",
};

const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as Record<string, Record<string, string>>;
/** Development dependencies whose code is in the bundle (so their licences ship with it). */
const bundled = ["@msgpack/msgpack"];
const external = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).flatMap((name) => [name, `${name}/*`]);

rmSync(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.entries(entries).map(([name, source]) => ({ out: name, in: source })),
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // @msgpack/msgpack names its CommonJS build "main" and its ES modules "module": take the modules, which
  // esbuild can shake down to the decoder.
  mainFields: ["module", "main"],
  external,
  chunkNames: "chunk-[hash]",
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: process.env.BUNDLE_META !== undefined,
  banner: { js: "// flyte-types: built by scripts/bundle.ts from src/ (shipped beside it)." },
});
// The maps point at src/, shipped beside dist/. Sources from a bundled dependency are not shipped: their text goes
// into the map itself, so a debugger finds it wherever the package is installed.
for (const file of readdirSync(out).filter((f) => f.endsWith(".map"))) {
  const path = `${out}/${file}`;
  const map = JSON.parse(readFileSync(path, "utf8")) as { sources: string[]; sourcesContent?: (string | null)[] };
  if (!map.sources.some((s) => s.includes("node_modules/"))) continue;
  map.sourcesContent = map.sources.map((s) =>
    s.includes("node_modules/") ? readFileSync(`${out}/${s}`, "utf8") : null,
  );
  writeFileSync(path, JSON.stringify(map));
}
writeFileSync(
  `${out}/THIRD-PARTY-LICENSES.txt`,
  bundled
    .map((name) => `${name}\n\n${readFileSync(`${root}node_modules/${name}/LICENSE`, "utf8").trim()}\n`)
    .join("\n"),
);
if (result.metafile !== undefined) writeFileSync(process.env.BUNDLE_META as string, JSON.stringify(result.metafile));
