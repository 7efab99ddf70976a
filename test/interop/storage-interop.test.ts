// Files, directories, records holding them and offloaded literals between flyte-types and the real Python SDKs,
// through the same S3 server (moto): each side uploads, the other downloads and checks every byte.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { CREDENTIALS, createBucket } from "../../scripts/moto-server.js";
import { createTypeEngine, directory, file, type Literal, Storage } from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import {
  computeHashString,
  decodeLiteral,
  decodeLiteralMap,
  encodeLiteral,
  encodeLiteralMap,
  encodeLiteralType,
} from "../../src/literal/index.js";

const endpoint = inject("s3Endpoint");
const root = new URL("../..", import.meta.url).pathname;
const python = join(root, ".venv/bin/python");
const script = join(root, "test/python/storage_interop.py");
const work = mkdtempSync(join(tmpdir(), "flyte-storage-interop-"));
const env = {
  ...process.env,
  FLYTE_AWS_ENDPOINT: endpoint,
  FLYTE_AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  FLYTE_AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  PYTHONPATH: join(root, "test/python"),
};
const storage = new Storage({ rawOutputPrefix: "s3://interop/ts-raw", s3: { endpoint, credentials: CREDENTIALS } });
const engine = createTypeEngine({ storage });
const Rec = z.object({ name: z.string(), f: file(), d: directory() }).meta({ title: "Rec" });
const Outputs = { o0: z.array(z.int()) };
const OFFLOADED_LEN = 150_000;

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = join(dir, rel);
    if (statSync(full).isFile()) out[relative(dir, full).split("\\").join("/")] = sha(readFileSync(full));
  }
  return out;
}

function runPython(cmd: "produce" | "consume", sdk: string, dir: string): Record<string, unknown> {
  const out = execFileSync(python, [script, cmd, sdk, dir], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").pop() as string);
}

const pb = (dir: string, name: string) => readFileSync(join(dir, `${name}.pb`));

beforeAll(() => createBucket(endpoint, "interop"));

describe.each(["flytekit", "flyte2"])("%s ⇄ flyte-types through S3", (sdk) => {
  it(`reads what ${sdk} uploaded`, async () => {
    const dir = join(work, `from-${sdk}`);
    const made = runPython("produce", sdk, dir) as {
      file: string;
      dir: Record<string, string>;
      offloaded?: { len: number; hash: string };
    };
    const f = await engine.toValue(decodeLiteral(pb(dir, "file")), file());
    expect(await f.text()).toBe(made.file);
    const d = await engine.toValue(decodeLiteral(pb(dir, "dir")), directory());
    expect(tree(await d.download())).toEqual(made.dir);
    const rec = await engine.toValue(decodeLiteral(pb(dir, "record")), Rec);
    expect(rec.name).toBe("rec");
    expect(await rec.f.text()).toBe(made.file);
    expect(tree(await rec.d.download())).toEqual(made.dir);
    if (sdk === "flytekit") {
      // Our type for the record is flytekit's, byte for byte.
      expect(Buffer.from(encodeLiteralType(engine.literalType(Rec), { deterministic: true })).toString("hex")).toBe(
        pb(dir, "record_type").toString("hex"),
      );
      // A real task's outputs, offloaded by flytekit's entrypoint: read transparently, hash as flytekit computed.
      const outputs = decodeLiteralMap(pb(dir, "outputs"));
      const o0 = outputs.literals.o0 as Literal;
      expect(o0.value.case).toBe("offloadedMetadata");
      const io = engine.interface({ inputs: {}, outputs: Outputs });
      const values = (await io.fromOutputs(outputs)).o0;
      expect(values.length).toBe(made.offloaded?.len);
      expect(values.every((v, i) => v === i)).toBe(true);
      const uri = (o0.value.value as model.LiteralOffloadedMetadata).uri;
      const inner = decodeLiteral(await storage.readBytes(uri));
      expect(computeHashString(model.LiteralSchema, inner)).toBe(made.offloaded?.hash);
      expect(o0.hash).toBe(made.offloaded?.hash);
    }
  });

  it(`${sdk} reads what flyte-types uploaded`, async () => {
    const src = join(work, `src-${sdk}`);
    mkdirSync(join(src, "tree", "deep"), { recursive: true });
    writeFileSync(join(src, "note.txt"), `hello from flyte-types to ${sdk}`);
    writeFileSync(join(src, "tree", "x.csv"), "a,b\n1,2\n");
    writeFileSync(join(src, "tree", "deep", "blob.bin"), randomBytes(300_000));
    const out = join(work, `to-${sdk}`);
    mkdirSync(out, { recursive: true });
    const fileLit = await engine.toLiteral(join(src, "note.txt"), file());
    const dirLit = await engine.toLiteral(join(src, "tree"), directory());
    const recLit = await engine.toLiteral({ name: "rec", f: join(src, "note.txt"), d: join(src, "tree") }, Rec);
    const io = engine.interface({ inputs: {}, outputs: Outputs });
    const values = Array.from({ length: OFFLOADED_LEN }, (_, i) => i);
    const outputs = await io.toOutputs(
      { o0: values },
      { offload: { outputPrefix: `s3://interop/ts-out-${sdk}`, minBytes: 1024 * 1024 } },
    );
    expect((outputs.literals.o0 as Literal).value.case).toBe("offloadedMetadata");
    writeFileSync(join(out, "file.pb"), encodeLiteral(fileLit));
    writeFileSync(join(out, "dir.pb"), encodeLiteral(dirLit));
    writeFileSync(join(out, "record.pb"), encodeLiteral(recLit));
    writeFileSync(join(out, "outputs.pb"), encodeLiteralMap(outputs));
    writeFileSync(join(out, "manifest.json"), "{}");
    const got = runPython("consume", sdk, out) as {
      file: string;
      dir: Record<string, string>;
      record: [string, string, Record<string, string>];
      offloaded: { len: number; sum: number; hash?: string; their_hash?: string };
    };
    const note = `hello from flyte-types to ${sdk}`;
    expect(got.file).toBe(note);
    expect(got.dir).toEqual(tree(join(src, "tree")));
    expect(got.record).toEqual(["rec", note, tree(join(src, "tree"))]);
    expect(got.offloaded.len).toBe(OFFLOADED_LEN);
    expect(got.offloaded.sum).toBe((OFFLOADED_LEN * (OFFLOADED_LEN - 1)) / 2);
    // flytekit computes the same hash over the offloaded literal as the one we wrote beside it.
    if (sdk === "flytekit") expect(got.offloaded.their_hash).toBe(got.offloaded.hash);
  });
});
