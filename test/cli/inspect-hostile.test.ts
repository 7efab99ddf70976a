// `flyte-types inspect` on hostile and odd files, run as a user runs it: endless input, values protobuf's JSON
// cannot hold, nesting at and past protobuf's limit, a `__proto__` key, and the empty inputs.pb. Each file gets a
// result or a one-line error, and the files after it are still read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, toBinary } from "@bufbuild/protobuf";
import { afterAll, describe, expect, it } from "vitest";
import { type Literal, LiteralMapSchema, LiteralSchema, lit, type Scalar } from "../../src/literal/index.js";

const cli = new URL("../../dist/esm/cli.js", import.meta.url).pathname;
const good = new URL("../../fixtures/golden/pb/inputs.pb", import.meta.url).pathname;
// The timeout only bounds a broken build: inspect reads /dev/zero until the cap in well under a second.
const run = (...args: string[]) =>
  spawnSync("node", [cli, "inspect", ...args], { encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL" });
const dir = mkdtempSync(join(tmpdir(), "ft-inspect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const literalMap = (literals: Record<string, Literal>) =>
  toBinary(LiteralMapSchema, create(LiteralMapSchema, { literals }));
const nestedList = (levels: number) => {
  let l = lit.integer(1n);
  for (let i = 0; i < levels; i++) l = lit.collection([l]);
  return l;
};
/** Whether the run printed exactly one line on stderr per file, none of them a stack trace. */
const oneLinePerFile = (stderr: string, files: number) => {
  const lines = stderr.trim().split("\n");
  return lines.length === files && lines.every((l) => !/^\s+at /.test(l));
};

describe("flyte-types inspect on hostile files", () => {
  it("refuses a file without end (/dev/zero) past 512 MiB with one line, and reads the next file", () => {
    const r = run("/dev/zero", good);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("flyte-types: cannot read /dev/zero: more than 512 MiB");
    expect(oneLinePerFile(r.stderr, 2)).toBe(true);
    expect(JSON.parse(r.stdout).type).toBe("flyteidl.core.LiteralMap");
  });

  it("refuses a regular file over 512 MiB without reading it", () => {
    const big = join(dir, "big.pb");
    writeFileSync(big, "");
    spawnSync("truncate", ["-s", "600M", big]);
    const r = run(big);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`flyte-types: cannot read ${big}: more than 512 MiB, the most inspect reads`);
  });

  it("shows a Timestamp past year 9999 and a Duration with mixed signs as their seconds and nanos", () => {
    // protobuf's JSON has no text for these (protobuf-es and Python's MessageToJson both refuse them).
    const t = file("late.pb", literalMap({ t: lit.datetime({ seconds: 253402300810n, nanos: 5 }) }));
    const d = file("mixed.pb", literalMap({ d: lit.duration({ seconds: 1n, nanos: -5 }) }));
    const r = run(t, d, good);
    expect(r.status).toBe(0);
    const [late, mixed, last] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(late.value.literals.t.scalar.primitive.datetime).toEqual({ seconds: "253402300810", nanos: 5 });
    expect(mixed.value.literals.d.scalar.primitive.duration).toEqual({ seconds: "1", nanos: -5 });
    expect(last.type).toBe("flyteidl.core.LiteralMap");
    expect(oneLinePerFile(r.stderr, 3)).toBe(true);
  });

  it("shows a Timestamp before year 1 and non-finite numbers in a Struct (scalar.generic) as text", () => {
    const generic: Literal = lit.none();
    (generic.value.value as Scalar).value = {
      case: "generic",
      value: { n: Number.NaN, xs: [-Infinity, 1], o: { z: 2 } },
    };
    const early = lit.datetime({ seconds: -62135596900n, nanos: 0 });
    const r = run(file("odd.pb", literalMap({ g: generic, early })));
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout).literals;
    expect(json.g.scalar.generic).toEqual({ n: "NaN", xs: ["-Infinity", 1], o: { z: 2 } });
    expect(json.early.scalar.primitive.datetime).toEqual({ seconds: "-62135596900", nanos: 0 });
  });

  it("reads lists nested as deep as Python's protobuf reads them (49), as the Literal they are", () => {
    const r = run(file("deep49.pb", toBinary(LiteralSchema, nestedList(49))));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("flyteidl.core.Literal (");
    let json = JSON.parse(r.stdout);
    for (let i = 0; i < 49; i++) json = json.collection.literals[0];
    expect(json).toEqual({ scalar: { primitive: { integer: "1" } } });
  });

  it("says a file nested deeper than that is too deep, exit 1, rather than take it for another kind", () => {
    const deep = file("deep60.pb", toBinary(LiteralSchema, nestedList(60)));
    const inputs = file("deep-inputs.pb", literalMap({ xs: nestedList(60) }));
    // (Read --as literal-type, the same bytes are a LiteralType with an unknown field, as any Literal's bytes are.)
    for (const [f, ...args] of [[deep], [deep, "--as", "literal"], [inputs]] as [string, ...string[]][]) {
      const r = run(f, ...args, good);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`flyte-types: ${f}: messages nested deeper than 100 levels`);
      expect(oneLinePerFile(r.stderr, 2)).toBe(true);
    }
  });

  it("shows a map entry keyed __proto__, as Python does", () => {
    const literals: Record<string, Literal> = {};
    Object.defineProperty(literals, "__proto__", { value: lit.integer(5n), enumerable: true });
    literals.b = lit.integer(6n);
    const r = run(file("proto.pb", literalMap(literals)));
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json.literals)).toEqual(["__proto__", "b"]);
    expect(Object.getOwnPropertyDescriptor(json.literals, "__proto__")?.value).toEqual({
      scalar: { primitive: { integer: "5" } },
    });
  });

  it("reads a 0-byte file as the empty LiteralMap (the inputs.pb of a task without inputs)", () => {
    const r = run(file("empty.pb", new Uint8Array()));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("flyteidl.core.LiteralMap (0 bytes)");
    expect(JSON.parse(r.stdout)).toEqual({});
  });
});
