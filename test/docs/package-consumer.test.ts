// The package as a consumer installs it: its files, its entries, its types. A strict consumer project
// (skipLibCheck false) without fast-check compiles against the root entry; only flyte-types/testing needs it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** A consumer project with flyte-types installed from its `files`, and its dependencies, but not fast-check. */
function consumer(): string {
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
  return dir;
}

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

  it("ships its sources beside the source maps that point at them, and no prepare script", () => {
    for (const f of ["src", "transformers", "LICENSE", "CHANGELOG.md", "README.md"]) expect(pkg.files).toContain(f);
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.exports["./package.json"]).toBe("./package.json");
    expect(pkg.sideEffects).toBe(false);
  });

  it("CommonJS code loads the ESM package with require() where Node supports it, and import() everywhere", () => {
    const entry = JSON.stringify(join(root, "dist/src/index.js"));
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
