// Layering rules, checked by dependency-cruiser from scripts/test.sh and `npm run layering`:
//   npx depcruise --config .dependency-cruiser.cjs src transformers renderers test bench scripts fixtures
//
// Parser: the repo's `typescript` is 7 (tsgo), which has no JS compiler API that dependency-cruiser can load
// (it supports typescript >=2 <7), so TypeScript is parsed with @swc/core (`parser: "swc"`). swc keeps every
// import in the AST, type-only ones included, so cycles made of `import type` count too. Without swc (or a
// typescript < 7) dependency-cruiser silently skips every .ts file and reports "no dependency violations found
// (0 modules, ...)", so fail loudly here instead of passing vacuously.
try {
  require.resolve("@swc/core");
} catch {
  throw new Error(
    ".dependency-cruiser.cjs: @swc/core is not installed, so dependency-cruiser cannot parse TypeScript " +
      "and every rule would pass on zero modules. Run `npm install` (it is a devDependency).",
  );
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Import cycles, type-only ones included, make load order fragile (TDZ errors on `const` exports at " +
        "module init) and blur the layering: break the cycle by moving the shared piece into a lower module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-not-transformers",
      severity: "error",
      comment:
        "The core (src/) must not depend on the type handlers in transformers/ or on renderers/: they are built " +
        "on top of the core. src/defaults.ts is the one place that assembles the built-in handlers into the defaults.",
      from: { path: "^src/", pathNot: "^src/defaults\\.ts$" },
      to: { path: "^(transformers|renderers)/" },
    },
    {
      name: "adapters-behind-entry",
      severity: "error",
      comment:
        "An adapter (src/adapters/<name>/) pulls in heavy optional dependencies (parquet-wasm, worker threads), " +
        "so code outside it must go through its entry src/adapters/<name>/index.ts, or load its files lazily " +
        "with a dynamic import() (as transformers/datasets/arrow-parquet.ts does). Tests and benchmarks may reach " +
        "inside an adapter to exercise its internals.",
      from: { pathNot: ["^src/adapters/", "^test/", "^bench/"] },
      to: {
        path: "^src/adapters/",
        pathNot: "^src/adapters/[^/]+/index\\.ts$",
        dependencyTypesNot: ["dynamic-import"],
      },
    },
    {
      name: "no-test-from-src-or-bench",
      severity: "error",
      comment:
        "Shipped code (src/, transformers/, renderers/) and the benchmarks must not depend on test/ (helpers, " +
        "fixtures or vitest): test/ is not published, and a bench must measure the real code paths. " +
        "Dynamic import() counts too.",
      from: { path: "^(src|bench|transformers|renderers)/" },
      to: { path: "^test/" },
    },
    {
      name: "src-not-bench",
      severity: "error",
      comment: "The core (src/) must not depend on bench/: benchmarks are not published and sit on top of the library.",
      from: { path: "^src/" },
      to: { path: "^bench/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "Every import must resolve to a file or an installed package: an unresolvable relative import is a typo " +
        "or a file that was moved or deleted (with TS nodenext specifiers, './foo.js' resolves to ./foo.ts). " +
        "Benchmarks, examples and tests may import the package by its own name: it resolves to dist/, which " +
        "this check runs before the build makes.",
      from: {},
      to: { couldNotResolve: true, pathNot: ["^flyte-types$", "^flyte-types/[a-z]+$"] },
    },
    {
      name: "shipped-not-by-own-name",
      severity: "error",
      comment:
        "Shipped code (src/, transformers/, renderers/) imports its neighbours by path, never the package by its " +
        "own name: that would pull the built dist/ into the bundle, a second copy of everything.",
      from: { path: "^(src|transformers|renderers)/" },
      to: { path: ["^flyte-types$", "^flyte-types/[a-z]+$", "^dist/"] },
    },
  ],
  options: {
    // TypeScript 7 has no JS API dependency-cruiser can use: parse .ts with swc (see the note at the top).
    parser: "swc",
    // Feeds tsconfig-paths-webpack-plugin (paths/baseUrl, none today). dependency-cruiser cannot read the compiler
    // options through typescript 7, and does not need to: it resolves nodenext './x.js' to './x.ts' by itself.
    tsConfig: { fileName: "tsconfig.json" },
    // Packages are leaves; the generated protobuf code (src/gen) and the build (dist/, what the package's own name
    // resolves to) are depended upon but not scanned themselves.
    doNotFollow: { path: ["node_modules", "^src/gen/", "^dist/"] },
    // scripts/typedoc/ is a tool with its own package.json, installed by `npm run docs` after this check runs.
    exclude: { path: ["^bench/out/", "^scripts/typedoc/"] },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    progress: { type: "none" },
  },
};
