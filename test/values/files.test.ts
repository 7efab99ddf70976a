// File and directory types through the engine, on local storage and S3 (moto): literal types and bytes as flytekit
// writes them, uploads of local paths, lazy handles, records holding files, and offloaded literals.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { CREDENTIALS, createBucket } from "../../scripts/moto-server.js";
import {
  createTypeEngine,
  dataclass,
  directory,
  ErrorCode,
  FlyteDirectory,
  FlyteFile,
  file,
  type Literal,
  lit,
  offloadFromEnv,
  Storage,
} from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import { computeHashString, encodeLiteral, encodeLiteralType } from "../../src/literal/index.js";
import { pythonFloat, pythonJson } from "../../src/literal/literal-hash.js";
import { decodeMsgpack } from "../../src/msgpack/msgpack-reader.js";
import { hex, rejection } from "../support/helpers.js";

const endpoint = inject("s3Endpoint");
const work = mkdtempSync(join(tmpdir(), "flyte-files-"));
const s3 = new Storage({ rawOutputPrefix: "s3://files-tests/raw", s3: { endpoint, credentials: CREDENTIALS } });
const engine = createTypeEngine({ storage: s3 });
const localEngine = createTypeEngine({ storage: { rawOutputPrefix: join(work, "raw") } });

beforeAll(() => createBucket(endpoint, "files-tests"));

function sampleDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "nested"), { recursive: true });
  writeFileSync(join(dir, "a.txt"), "alpha");
  writeFileSync(join(dir, "nested", "b.txt"), "beta");
  return dir;
}

describe("literal types and remote URIs, as flytekit writes them", () => {
  // Golden bytes from flytekit 1.16 (reference vectors flytefile_remote, flytefile_csv_str, flytedirectory_*).
  it.each([
    [file(), "2a00"],
    [file({ format: "csv" }), "2a050a03637376"],
    [directory(), "2a021001"],
    [directory({ format: "parquet" }), "2a0b0a07706172717565741001"],
  ])("%#: literal type", (schema, want) => {
    expect(hex(encodeLiteralType(engine.literalType(schema)))).toBe(want);
  });

  it.each([
    [file(), "s3://bucket/key.csv", "0a1b12190a020a001a1373333a2f2f6275636b65742f6b65792e637376"],
    [
      file({ format: "csv" }),
      "s3://bucket/key.csv",
      "0a20121e0a070a050a036373761a1373333a2f2f6275636b65742f6b65792e637376",
    ],
    [directory(), "s3://bucket/dir", "0a1912170a040a0210011a0f73333a2f2f6275636b65742f646972"],
  ])("%#: a remote URI passes through without I/O", async (schema, uri, want) => {
    expect(hex(encodeLiteral(await engine.toLiteral(uri, schema)))).toBe(want);
  });

  it("carries FlyteFile metadata as Literal.metadata", async () => {
    const l = await engine.toLiteral(new FlyteFile("s3://bucket/key", { metadata: { k: "v" } }), file());
    expect(hex(encodeLiteral(l))).toBe("0a1712150a020a001a0f73333a2f2f6275636b65742f6b65792a060a016b120176");
    const back = await engine.toValue(l, file());
    expect(back.metadata).toEqual({ k: "v" });
  });

  it("guesses files and directories from blob types, keeping the format", () => {
    const f = engine.guessType(engine.literalType(file({ format: "jpeg" })));
    expect(engine.literalType(f)).toEqual(engine.literalType(file({ format: "jpeg" })));
    const d = engine.guessType(engine.literalType(directory()));
    expect(engine.literalType(d)).toEqual(engine.literalType(directory()));
  });
});

describe.each([
  ["s3", engine, /^s3:\/\/files-tests\/raw\/[0-9a-f]{32}(\/|$)/],
  ["local", localEngine, new RegExp(`^${join(work, "raw")}/[0-9a-f]{32}`)],
] as const)("uploads to %s", (_, eng, prefix) => {
  it("uploads a local file under the raw-output prefix and reads it back lazily", async () => {
    const path = join(work, "report.csv");
    writeFileSync(path, "x,y\n1,2\n");
    const l = await eng.toLiteral(path, file({ format: "csv" }));
    const blob =
      l.value.case === "scalar" && l.value.value.value.case === "blob" ? l.value.value.value.value : undefined;
    expect(blob?.uri).toMatch(prefix);
    expect(blob?.uri.endsWith("/report.csv")).toBe(true);
    const handle = await eng.toValue(l, file({ format: "csv" }));
    expect(handle).toBeInstanceOf(FlyteFile);
    expect(handle.format).toBe("csv");
    expect(await handle.text()).toBe("x,y\n1,2\n");
    const chunks: Buffer[] = [];
    for await (const c of handle.open({ start: 2, end: 5 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("y\n1");
    expect(readFileSync(await handle.download(join(work, `copy-${_}.csv`)), "utf8")).toBe("x,y\n1,2\n");
  });

  it("uploads a directory and walks it", async () => {
    const l = await eng.toLiteral(sampleDir(`tree-${_}`), directory());
    const d = await eng.toValue(l, directory());
    expect(d).toBeInstanceOf(FlyteDirectory);
    expect(d.uri).toMatch(prefix);
    const names: string[] = [];
    for await (const f of d.files()) names.push(f.uri.slice(d.uri.length + 1));
    expect(names).toEqual(["a.txt", "nested/b.txt"]);
    const local = await d.download();
    expect(readFileSync(join(local, "nested", "b.txt"), "utf8")).toBe("beta");
  });
});

describe("handles are lazy", () => {
  it("reading a literal does no I/O; opening a missing object names its URI", async () => {
    const f = await engine.toValue(lit.blob("s3://files-tests/nothing/here.bin", "", false), file());
    const e = await rejection(f.bytes());
    expect(e.code).toBe(ErrorCode.notFound);
    expect(e.message).toContain("s3://files-tests/nothing/here.bin");
  });

  it("refuses a directory literal where a file is declared", async () => {
    const e = await rejection(engine.toValue(lit.blob("s3://b/dir", "", true), file()));
    expect(e.code).toBe(ErrorCode.typeMismatch);
  });

  it("refuses values that are not paths, URIs or handles", async () => {
    const e = await rejection(engine.toLiteral(42 as never, file()));
    expect(e.code).toBe(ErrorCode.typeMismatch);
    expect(e.message).toContain("a path, a URI or a FlyteFile");
  });

  it("uploads a file met twice once, and none when the conversion fails", async () => {
    const path = join(work, "twice.txt");
    writeFileSync(path, "same");
    const l = await engine.toLiteral([path, path], z.array(file()));
    const uris = l.value.case === "collection" ? l.value.value.literals.map((x) => JSON.stringify(x.value)) : [];
    expect(uris[0]).toBe(uris[1]);
    const e = await rejection(engine.toLiteral({ f: path, n: "x" } as never, z.object({ f: file(), n: z.int() })));
    expect(e.path).toBe("value.n");
  });
});

describe("a conversion whose uploads fail", () => {
  it("removes what did arrive, so nothing is left that no literal names", async () => {
    const raw = `s3://files-tests/cleanup-${Date.now()}`;
    const eng = createTypeEngine({
      storage: new Storage({ rawOutputPrefix: raw, s3: { endpoint, credentials: CREDENTIALS } }),
    });
    const ok = join(work, "arrives.txt");
    writeFileSync(ok, "here");
    const Three = z.object({ a: file(), d: directory(), m: file() });
    const value = { a: ok, d: sampleDir("arrives-dir"), m: join(work, "missing.txt") };
    const e = await rejection(eng.toLiteral(value, Three));
    expect(e.code).toBe(ErrorCode.notFound);
    expect(e.path).toBe("value.m");
    const left = [];
    for await (const o of s3.list(raw)) left.push(o.uri);
    expect(left).toEqual([]);
  });
});

describe("files inside records", () => {
  const Report = z.object({ name: z.string(), data: file(), out: directory(), extra: file().optional() }).meta({
    title: "Report",
  });

  it("writes {path: uri} as flytekit does, uploading local paths first", async () => {
    const path = join(work, "inside.txt");
    writeFileSync(path, "inner");
    const l = await engine.toLiteral({ name: "r", data: path, out: "s3://bucket/dir" }, Report);
    const bin =
      l.value.case === "scalar" && l.value.value.value.case === "binary" ? l.value.value.value.value : undefined;
    const plain = decodeMsgpack(bin?.value ?? new Uint8Array()) as Record<string, { path: string }>;
    expect(plain.out).toEqual({ path: "s3://bucket/dir" });
    expect(plain.data?.path).toMatch(/^s3:\/\/files-tests\/raw\/[0-9a-f]{32}\/inside\.txt$/);
    expect(plain.extra).toBe(null);
    const back = await engine.toValue(l, Report);
    expect(await back.data.text()).toBe("inner");
    expect(back.out).toBeInstanceOf(FlyteDirectory);
  });

  it("writes pydantic's and mashumaro's JSON Schema for the file fields", () => {
    const schema = engine.literalType(Report).metadata as Record<string, unknown>;
    const defs = schema.$defs as Record<string, { title: string; properties: Record<string, unknown> }>;
    expect(Object.keys(defs).sort()).toEqual(["FlyteDirectory", "FlyteFile"]);
    expect((schema.properties as Record<string, unknown>).data).toEqual({ $ref: "#/$defs/FlyteFile" });
    const dc = engine.literalType(dataclass(Report)).metadata as Record<string, Record<string, { title?: string }>>;
    expect(dc.properties?.data?.title).toBe("FlyteFile");
  });

  it("reads Flyte 2's {path, name, format, hash} form", async () => {
    const codec = engine.codec(file());
    const f = codec.fromPlain({ path: "s3://b/x.csv", name: "x.csv", format: "csv", hash: null }, {} as never);
    expect(f).toBeInstanceOf(FlyteFile);
    expect((f as FlyteFile).format).toBe("csv");
  });
});

describe("offloaded literals", () => {
  const big = z.array(z.int());
  const io = engine.interface({ inputs: {}, outputs: { o0: big, small: z.string() } });

  it("offloads outputs at or above the threshold and reads them back transparently", async () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const outputPrefix = "s3://files-tests/outputs/run1";
    const map = await io.toOutputs({ o0: values, small: "s" }, { offload: { outputPrefix, minBytes: 1000 } });
    const o0 = map.literals.o0 as Literal;
    expect(o0.value.case).toBe("offloadedMetadata");
    const meta = o0.value.value as model.LiteralOffloadedMetadata;
    expect(meta.uri).toBe(`${outputPrefix}/o0_offloaded_metadata.pb`);
    const inline = await engine.toLiteral(values, big);
    expect(Number(meta.sizeBytes)).toBe(encodeLiteral(inline).byteLength);
    expect(meta.inferredType).toEqual(engine.literalType(big));
    expect(o0.hash).toBe(computeHashString(model.LiteralSchema, inline));
    expect((map.literals.small as Literal).value.case).toBe("scalar");
    const back = await io.fromOutputs(map);
    expect(back.o0).toEqual(values);
    expect(await engine.toValue(o0, big)).toEqual(values);
  });

  it("a local output prefix gives an absolute URI, readable from another working directory", async () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    const here = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), "flyte-offload-"));
    process.chdir(dir);
    try {
      const map = await io.toOutputs(
        { o0: values, small: "s" },
        { offload: { outputPrefix: "./out", minBytes: 1000 } },
      );
      const meta = (map.literals.o0 as Literal).value.value as model.LiteralOffloadedMetadata;
      expect(meta.uri).toBe(join(dir, "out", "o0_offloaded_metadata.pb"));
      process.chdir(here);
      expect((await io.fromOutputs(map)).o0).toEqual(values);
    } finally {
      process.chdir(here);
    }
  });

  it("refuses a literal at or above the maximum, naming the output", async () => {
    const e = await rejection(
      io.toOutputs({ o0: [1, 2, 3], small: "s" }, { offload: { outputPrefix: "s3://files-tests/o", maxBytes: 10 } }),
    );
    expect(e.message).toContain("Literal o0 is too large to be offloaded");
    expect(e.path).toBe("o0");
  });

  it("names the URI of an offloaded literal that is missing or corrupt", async () => {
    const missing = offloaded("s3://files-tests/outputs/none.pb");
    expect((await rejection(engine.toValue(missing, big))).code).toBe(ErrorCode.notFound);
    await s3.write("s3://files-tests/outputs/bad.pb", new Uint8Array([0xff, 0xff, 0xff]));
    const e = await rejection(engine.toValue(offloaded("s3://files-tests/outputs/bad.pb"), big));
    expect(e.code).toBe(ErrorCode.decodeFailed);
    expect(e.path).toBe("s3://files-tests/outputs/bad.pb");
  });

  it("takes its settings from _F_L_MIN_SIZE_MB and _F_L_MAX_SIZE_MB as flytekit does", () => {
    expect(offloadFromEnv("s3://x/o", {})).toBeUndefined();
    expect(offloadFromEnv("s3://x/o", { _F_L_MIN_SIZE_MB: "2" })).toEqual({
      outputPrefix: "s3://x/o",
      minBytes: 2 * 1024 * 1024,
      maxBytes: 1000 * 1024 * 1024,
    });
    expect(offloadFromEnv("s3://x/o", { _F_L_MIN_SIZE_MB: " +1_0 ", _F_L_MAX_SIZE_MB: "20" })).toMatchObject({
      minBytes: 10 * 1024 * 1024,
      maxBytes: 20 * 1024 * 1024,
    });
  });

  it("refuses sizes from the environment that are not whole numbers of MiB, naming the variable", async () => {
    for (const [name, env] of [
      ["_F_L_MIN_SIZE_MB", { _F_L_MIN_SIZE_MB: "abc" }],
      ["_F_L_MIN_SIZE_MB", { _F_L_MIN_SIZE_MB: "-1" }],
      ["_F_L_MAX_SIZE_MB", { _F_L_MIN_SIZE_MB: "1", _F_L_MAX_SIZE_MB: "2.5" }],
      ["_F_L_MAX_SIZE_MB", { _F_L_MIN_SIZE_MB: "1", _F_L_MAX_SIZE_MB: "1e3" }],
    ] as const) {
      const e = await rejection(() => offloadFromEnv("s3://x/o", env));
      expect([e.code, e.path]).toEqual([ErrorCode.typeMismatch, name]);
    }
  });
});

function offloaded(uri: string): Literal {
  return {
    $typeName: "flyteidl.core.Literal",
    value: {
      case: "offloadedMetadata",
      value: { $typeName: "flyteidl.core.LiteralOffloadedMetadata", uri, sizeBytes: 0n },
    },
    hash: "",
    metadata: {},
  };
}

describe("flytekit's literal hash", () => {
  it("renders floats as Python's repr does", () => {
    const cases: [number, string][] = [
      [1, "1.0"],
      [-0, "-0.0"],
      [0.1, "0.1"],
      [1e16, "1e+16"],
      [1234567890123456, "1234567890123456.0"],
      [0.0001, "0.0001"],
      [0.00001, "1e-05"],
      [1.5e-7, "1.5e-07"],
      [1.7976931348623157e308, "1.7976931348623157e+308"],
      [123.456, "123.456"],
    ];
    for (const [x, want] of cases) expect(pythonFloat(x)).toBe(want);
  });

  it("renders JSON as json.dumps(sort_keys=True, separators=(',', ':')) with ensure_ascii", () => {
    expect(pythonJson({ b: [1, "é\n"], a: { "😀": true, z: null } })).toBe(
      '{"a":{"z":null,"\\ud83d\\ude00":true},"b":[1.0,"\\u00e9\\n"]}',
    );
  });
});
