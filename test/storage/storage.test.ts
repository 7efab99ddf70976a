// The storage layer on both real backends: the local file system and S3 (moto on 127.0.0.1).
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { CREDENTIALS, createBucket } from "../../scripts/moto-server.js";
import { ErrorCode, Storage } from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const endpoint = inject("s3Endpoint");
const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function* chunks(data: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function collect(it: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of it) parts.push(c);
  return Buffer.concat(parts);
}

const local = mkdtempSync(join(tmpdir(), "flyte-storage-"));
const s3 = new Storage({
  rawOutputPrefix: "s3://storage-tests/raw",
  s3: { endpoint, credentials: CREDENTIALS, partSize: 5 * MiB, queueSize: 2 },
});
const fs = new Storage({ rawOutputPrefix: join(local, "raw") });

beforeAll(() => createBucket(endpoint, "storage-tests"));

const backends: [string, Storage, string][] = [
  ["local", fs, join(local, "objects")],
  ["s3", s3, "s3://storage-tests/objects"],
];

describe.each(backends)("%s backend", (name, storage, root) => {
  const base = () => root;
  it("streams a multi-part object in and out unchanged", async () => {
    const data = randomBytes(12 * MiB + 123);
    const uri = `${base()}/big.bin`;
    const info = await storage.write(uri, chunks(data, 700_000));
    expect(info.size).toBe(data.length);
    expect(sha(await collect(storage.read(uri)))).toBe(sha(data));
    expect((await storage.stat(uri))?.size).toBe(data.length);
  });

  it("reads byte ranges, including the last bytes and past the end", async () => {
    const data = randomBytes(1000);
    const uri = `${base()}/ranged.bin`;
    await storage.write(uri, data);
    expect(await collect(storage.read(uri, { start: 10, end: 20 }))).toEqual(Buffer.from(data.subarray(10, 20)));
    expect(await collect(storage.read(uri, { start: 992 }))).toEqual(Buffer.from(data.subarray(992)));
    expect(await collect(storage.read(uri, { start: 990, end: 5000 }))).toEqual(Buffer.from(data.subarray(990)));
    expect((await collect(storage.read(uri, { start: 5, end: 5 }))).length).toBe(0);
  });

  it("writes empty objects", async () => {
    const uri = `${base()}/empty.bin`;
    expect((await storage.write(uri, new Uint8Array(0))).size).toBe(0);
    expect((await collect(storage.read(uri))).length).toBe(0);
  });

  it("lists a directory recursively, in key order", async () => {
    const dir = `${base()}/tree`;
    for (const name of ["b.txt", "a/x.txt", "a/y/z.txt"]) await storage.write(`${dir}/${name}`, Buffer.from(name));
    const listed = [];
    for await (const o of storage.list(dir)) listed.push([o.uri.slice(dir.length + 1), o.size]);
    expect(listed).toEqual([
      ["a/x.txt", 7],
      ["a/y/z.txt", 9],
      ["b.txt", 5],
    ]);
  });

  it("names the URI when there is no object", async () => {
    const uri = `${base()}/missing/nothing.bin`;
    const e = await rejection(storage.readBytes(uri));
    expect(e.code).toBe(ErrorCode.notFound);
    expect(e.path).toBe(uri);
    expect(e.message).toContain(uri);
    expect(await storage.stat(uri)).toBeUndefined();
  });

  it("names a directory with nothing in it as not found", async () => {
    const e = await rejection(storage.downloadDirectory(`${base()}/no-such-dir`, join(local, "nowhere")));
    expect(e.code).toBe(ErrorCode.notFound);
    expect(e.path).toBe(`${base()}/no-such-dir`);
  });

  it("uploads and downloads files and directories", async () => {
    const src = join(local, `src-${name}`);
    mkdirSync(join(src, "sub"), { recursive: true });
    writeFileSync(join(src, "one.csv"), "a,b\n1,2\n");
    writeFileSync(join(src, "sub", "two.bin"), randomBytes(3000));
    const uri = storage.randomPrefix();
    expect(await storage.uploadDirectory(src, uri)).toBe(2);
    const dst = join(local, `dst-${name}`);
    expect(await storage.downloadDirectory(uri, dst)).toBe(2);
    expect(readFileSync(join(dst, "sub", "two.bin"))).toEqual(readFileSync(join(src, "sub", "two.bin")));
    const single = storage.randomPath(join(src, "one.csv"));
    await storage.upload(join(src, "one.csv"), single);
    expect(single.endsWith("/one.csv")).toBe(true);
    const got = await storage.download(single, join(local, "one-copy.csv"));
    expect(readFileSync(got, "utf8")).toBe("a,b\n1,2\n");
  });

  it("leaves nothing behind when the source fails mid-write", async () => {
    const uri = `${base()}/broken/obj.bin`;
    async function* failing(): AsyncIterable<Uint8Array> {
      yield randomBytes(6 * MiB);
      throw new Error("source broke");
    }
    const e = await rejection(storage.write(uri, failing()));
    expect(e.code).toBe(ErrorCode.storageFailed);
    expect(e.message).toContain("source broke");
    expect(await storage.stat(uri)).toBeUndefined();
    const left = [];
    for await (const o of storage.list(`${base()}/broken`)) left.push(o.uri);
    expect(left).toEqual([]);
  });
});

describe("storage", () => {
  it("puts new data under <prefix>/<32 hex>/<name>, never twice in the same place", () => {
    const a = s3.randomPath("/tmp/x/data.csv");
    expect(a).toMatch(/^s3:\/\/storage-tests\/raw\/[0-9a-f]{32}\/data\.csv$/);
    expect(s3.randomPath("data.csv")).not.toBe(a);
    expect(fs.rawOutputPrefix).toBe(join(local, "raw"));
  });

  it("refuses a URI scheme it has no backend for, listing the known ones", () => {
    try {
      s3.backend("gs://bucket/key");
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe(ErrorCode.unknownScheme);
      expect(String(e)).toContain("gs://");
      expect(String(e)).toContain("file, s3");
    }
  });

  it("leaves no temporary files in a local directory after writing", async () => {
    const dir = join(local, "clean");
    await fs.write(join(dir, "a.bin"), chunks(randomBytes(100_000), 10_000));
    expect(readdirSync(dir)).toEqual(["a.bin"]);
  });
});
