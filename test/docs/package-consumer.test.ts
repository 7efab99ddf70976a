// The package as a consumer installs it: its files, its entries, its types. A strict consumer project
// (skipLibCheck false) without fast-check compiles against the root entry; only flyte-types/testing needs it.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  exports: Record<string, unknown>;
  sideEffects: boolean;
  engines: { node: string };
};
const work = mkdtempSync(join(tmpdir(), "flyte-consumer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let made: string | undefined;

/** A consumer project with flyte-types installed from its `files`, and its dependencies, but not fast-check. */
function consumer(): string {
  if (made !== undefined) return made;
  const dir = join(work, "app");
  const installed = join(dir, "node_modules", "flyte-types");
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  for (const f of pkg.files) cpSync(join(root, f), join(installed, f), { recursive: true });
  for (const dep of [...Object.keys(pkg.dependencies), "@types/node"]) {
    const target = join(dir, "node_modules", dep);
    mkdirSync(join(target, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), target, "dir");
  }
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: ["node"],
      },
      include: ["app.ts"],
    }),
  );
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
  made = dir;
  return dir;
}

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));

describe("the installed package", () => {
  it("a strict consumer without fast-check compiles against the root entry (skipLibCheck false)", () => {
    const dir = consumer();
    writeFileSync(
      join(dir, "app.ts"),
      `import { z } from "zod";
import { createTypeEngine, type MappedType, type Transformer } from "flyte-types";
const engine = createTypeEngine();
export const literal = await engine.toLiteral([1, 2], z.array(z.int()));
export type T = Transformer<number> | MappedType<number>;
`,
    );
    execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  });

  it("runs from its installed files: the entries load by name, and every source map points at a shipped file", () => {
    const dir = consumer();
    const out = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createTypeEngine } from "flyte-types";
         import { decodeLiteral, encodeLiteral } from "flyte-types/model";
         import { z } from "zod";
         const engine = createTypeEngine();
         const bytes = encodeLiteral(await engine.toLiteral(7, z.int()));
         console.log(await engine.toValue(decodeLiteral(bytes), z.int()));`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    expect(out.trim()).toBe("7");
    const installed = join(dir, "node_modules", "flyte-types");
    const maps = filesUnder(installed).filter((f) => f.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(10);
    for (const map of maps) {
      const { sources, sourcesContent = [] } = JSON.parse(readFileSync(join(installed, map), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      // Each source is a shipped file, or (a bundled dependency's) carried in the map.
      sources.forEach((source, i) => {
        const found = existsSync(resolve(installed, dirname(map), source)) || typeof sourcesContent[i] === "string";
        expect(found, `${map} → ${source}`).toBe(true);
      });
    }
  });

  it("ships its sources beside the source maps that point at them, and no prepare script", () => {
    for (const f of ["src", "transformers", "LICENSE", "CHANGELOG.md", "README.md"]) expect(pkg.files).toContain(f);
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.exports["./package.json"]).toBe("./package.json");
    expect(pkg.sideEffects).toBe(false);
  });

  it("npm publish refuses the package until repository, homepage and bugs name real https addresses", () => {
    expect(pkg.scripts.prepublishOnly).toContain("scripts/publish-check.ts");
    const check = (file: string) =>
      spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/publish-check.ts", file], {
        cwd: root,
        encoding: "utf8",
      });
    const own = check(join(root, "package.json"));
    expect(own.status).toBe(1);
    for (const field of ["repository", "homepage", "bugs"]) expect(own.stderr).toContain(`${field}: expected`);
    // The same package with addresses (and its built files beside it) may be published; a made-up scheme may not.
    const dir = join(work, "publish");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(root, "dist"), join(dir, "dist"), "dir");
    const withUrls = (repository: unknown) =>
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({
          ...pkg,
          repository,
          homepage: "https://example.org",
          bugs: { url: "https://example.org/flyte-types/issues" },
        }),
      );
    withUrls({ type: "git", url: "git+https://example.org/flyte-types.git" });
    expect(check(join(dir, "package.json")).status).toBe(0);
    withUrls("javascript:alert(1)");
    expect(check(join(dir, "package.json")).stderr).toContain('repository: expected an https address, got "javascript');
    withUrls("https://user:token@example.org/flyte-types.git");
    expect(check(join(dir, "package.json")).stderr).toContain("(an address with credentials in it)");
    // Not a package.json at all: a typed refusal, not a stack trace.
    writeFileSync(join(dir, "package.json"), "[1]");
    expect(check(join(dir, "package.json")).stderr).toContain("expected a JSON object");
  });

  it("CommonJS code loads the ESM package with require() where Node supports it, and import() everywhere", () => {
    const entry = JSON.stringify(join(root, "dist/esm/index.js"));
    const viaImport = execFileSync(
      process.execPath,
      ["-e", `import(${entry}).then((m) => console.log(typeof m.createTypeEngine))`],
      { encoding: "utf8" },
    );
    expect(viaImport.trim()).toBe("function");
    // require() of an ES module: Node 20.19+ and 22.12+ (the package has no top-level await, which it needs).
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
    if ((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22) {
      const viaRequire = execFileSync(
        process.execPath,
        ["-e", `console.log(typeof require(${entry}).createTypeEngine)`],
        { encoding: "utf8" },
      );
      expect(viaRequire.trim()).toBe("function");
    }
  });
});
