// The built command line, run as a user runs it: inspect on flytekit's files, the demo, and bad input.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const cli = new URL("../../dist/esm/cli.js", import.meta.url).pathname;
const pb = (name: string) => new URL(`../../fixtures/golden/pb/${name}`, import.meta.url).pathname;
const run = (...args: string[]) => spawnSync("node", [cli, ...args], { encoding: "utf8" });

describe("flyte-types inspect", () => {
  it("prints flytekit's inputs.pb as a LiteralMap with int64s as strings and msgpack decoded", () => {
    const r = run("inspect", pb("inputs.pb"));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("flyteidl.core.LiteralMap");
    const json = JSON.parse(r.stdout);
    expect(json.literals.big.scalar.primitive.integer).toBe("4611686018427387904");
    expect(json.literals.cfg.scalar.binary.decoded).toEqual({ k: [1, 2.5], x: null });
    expect(json.literals.xs.collection.literals).toHaveLength(2);
  });
  it("recognises a Literal and a LiteralType", () => {
    expect(JSON.parse(run("inspect", pb("dict_literal.pb")).stdout).scalar.binary.decoded).toEqual({ a: 1, b: [true] });
    const lt = run("inspect", pb("literal_type.pb"));
    expect(lt.stderr).toContain("flyteidl.core.LiteralType");
    expect(JSON.parse(lt.stdout).unionType.variants[0].structure.tag).toBe("Typed List");
  });
  it("reads Flyte 2 bytes and says it kept the unknown field", () => {
    const r = run("inspect", pb("flyte2_literal.pb"));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("1 unknown field(s) kept");
  });
  it("takes several files, one JSON line each, and fails if any fails", () => {
    const r = run("inspect", pb("inputs.pb"), pb("literal_type.pb"));
    expect(r.status).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).type),
    ).toEqual(["flyteidl.core.LiteralMap", "flyteidl.core.LiteralType"]);
    expect(run("inspect", pb("inputs.pb"), "/nonexistent.pb").status).toBe(1);
  });
  it("honours --as", () => {
    expect(run("inspect", pb("dict_literal.pb"), "--as", "literal").status).toBe(0);
    expect(run("inspect", pb("dict_literal.pb"), "--as", "nonsense").status).toBe(2);
  });
  it("gives a clear error for a file that is none of them, and for a missing file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-cli-"));
    writeFileSync(join(dir, "junk.bin"), Buffer.from([0xff, 0xff, 0xff, 0x01]));
    const junk = run("inspect", join(dir, "junk.bin"));
    expect(junk.status).toBe(1);
    expect(junk.stderr).toContain("not a LiteralMap or a Literal or a LiteralType");
    const missing = run("inspect", join(dir, "nope.pb"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read");
  });
});

describe("flyte-types demo", () => {
  it("writes inputs.pb, reads it back unchanged, and inspect reads what it wrote", () => {
    const dir = mkdtempSync(join(tmpdir(), "ft-demo-"));
    const out = execFileSync("node", [cli, "demo", dir], { encoding: "utf8" });
    expect(out).toContain("round trip: identical");
    // The demo's file input was uploaded to local storage under the demo directory, and read back from there.
    expect(out).toContain(`${join(dir, "raw")}/`);
    expect(out).toMatch(/\/[0-9a-f]{32}\/invoice\.csv holds:\nsku,qty/);
    // It says what it converts, and shows the custom type, the dataset read by column and a typed error.
    expect(out).toContain("total: STRUCT");
    expect(out).toContain("total is a Money again: 1975 EUR");
    expect(out).toContain('column "amount" alone sums to 35');
    expect(out).toMatch(/a bad value: validation_failed at inputs\.items\[0\]\.qty/);
    const literals = JSON.parse(run("inspect", join(dir, "inputs.pb")).stdout).literals;
    expect(literals.customer.scalar.primitive.stringValue).toBe("héllo ✓");
  });
});

describe("flyte-types usage", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

  it("--help prints every command of the table on stdout and exits 0", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: flyte-types inspect <file>\.\.\./);
    expect(r.stdout).toContain("flyte-types demo [<dir>]");
    expect(r.stderr).toBe("");
  });
  it("a command's --help prints its own usage", () => {
    const r = run("inspect", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("usage: flyte-types inspect");
    expect(r.stdout).not.toContain("flyte-types demo");
  });
  it("no arguments, or an unknown command, is the usage on stderr and exit 2", () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("usage: flyte-types");
    const unknown = run("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
  it("--version prints the package's version", () => {
    const r = run("--version");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
