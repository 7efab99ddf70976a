// Storage against an attacker and a changing world: keys that climb out of a download's target, files that change
// or cannot be read while they are uploaded, objects replaced mid-download, links in directories, very long names.
// Each expects a typed error (or correct data), the process alive, and nothing written where it should not be.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CREDENTIALS, createBucket, testClient } from "../../scripts/moto-server.js";
import { createTypeEngine, directory, ErrorCode, FlyteDirectory, FlyteFile, file, Storage } from "../../src/index.js";
import { readLocalFile } from "../../src/storage/local-files.js";
import { rejection } from "../support/helpers.js";
import { type FaultProxy, firstN, startFaultProxy } from "../support/s3-fault-proxy.js";

const endpoint = inject("s3Endpoint");
const BUCKET = "hostile-tests";
const MiB = 1024 * 1024;
const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "flyte-hostile-"));
const s3 = new Storage({ rawOutputPrefix: `s3://${BUCKET}/raw`, s3: { endpoint, credentials: CREDENTIALS } });
const engine = createTypeEngine({ storage: s3 });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
let proxy: FaultProxy;

beforeAll(async () => {
  await createBucket(endpoint, BUCKET);
  proxy = await startFaultProxy(endpoint);
});
afterAll(async () => {
  await proxy.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted (local storage, like an object store, may keep empty directories). */
const tree = (dir: string): string[] =>
  existsSync(dir)
    ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
        .filter((e) => !e.isDirectory())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort()
    : [];

describe("keys that climb out of a download", () => {
  const put = (key: string, body: string) =>
    testClient(endpoint).send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

  it.each([
    ["..", "climb/../../escaped.txt"],
    ["an empty segment", "climb//etc/escaped.txt"],
    [".", "climb/./dot.txt"],
  ])("a key with %s is refused before anything is written", async (_, key) => {
    const prefix = key.slice(0, key.indexOf("/"));
    const unique = `${prefix}-${randomBytes(4).toString("hex")}`;
    await put(`${unique}/a-good.txt`, "fine");
    await put(key.replace(prefix, unique), "evil");
    const target = join(work, `dl-${unique}`, "inner");
    const d = new FlyteDirectory(`s3://${BUCKET}/${unique}`, { storage: s3 });
    const e = await rejection(d.download(target));
    expect(e.code).toBe(ErrorCode.unsafePath);
    expect(e.message).toContain(key.slice(prefix.length + 1));
    // Nothing at all: not the escaped file beside or above the target, not even the good one inside it.
    expect(tree(join(work, `dl-${unique}`))).toEqual([]);
    expect(existsSync(join(work, "escaped.txt"))).toBe(false);
    // The default target (a temporary directory) is refused the same way and removed again.
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith("flyte-dir-")).length;
    expect((await rejection(d.download())).code).toBe(ErrorCode.unsafePath);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith("flyte-dir-")).length).toBe(before);
  });

  it("a file whose URI ends in .. cannot be downloaded under its own name", async () => {
    const f = new FlyteFile(`s3://${BUCKET}/x/..`, { storage: s3 });
    expect((await rejection(f.download())).code).toBe(ErrorCode.unsafePath);
  });
});

describe("files that cannot be read, or change while they are read", () => {
  it("an unreadable file rejects toLiteral with storage_failed at the value's path, and the process lives on", async () => {
    // Permissions do not stop root, so the upload runs in a child process as an unprivileged user when we are root.
    const dir = join(work, "locked");
    mkdirSync(dir, { recursive: true });
    chmodSync(work, 0o755);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "secret.txt"), "no");
    chmodSync(join(dir, "secret.txt"), 0o000);
    const script = `
      import { createTypeEngine, file } from ${JSON.stringify(`${root}dist/esm/index.js`)};
      const engine = createTypeEngine({
        storage: { rawOutputPrefix: "s3://${BUCKET}/locked", s3: { endpoint: "${endpoint}", credentials: ${JSON.stringify(CREDENTIALS)} } },
      });
      try {
        await engine.toLiteral(${JSON.stringify(join(dir, "secret.txt"))}, file());
        console.log(JSON.stringify({ ok: true }));
      } catch (e) {
        console.log(JSON.stringify({ code: e.code, path: e.path, message: e.message }));
      }`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dir,
      encoding: "utf8",
      ...asNobody,
    });
    const r = JSON.parse(out.trim()) as { code?: string; path?: string; message?: string };
    expect(r.code).toBe(ErrorCode.storageFailed);
    expect(r.path).toBe("value");
    expect(r.message).toContain("secret.txt");
    expect(await listAll(`s3://${BUCKET}/locked`)).toEqual([]);
  });

  it("running out of file descriptors in many parallel directory uploads is a typed error, not a crash", () => {
    const src = join(work, "many");
    mkdirSync(src, { recursive: true });
    for (let i = 0; i < 40; i++) writeFileSync(join(src, `f${i}.txt`), `file ${i}`);
    const script = `
      import { createTypeEngine, directory } from ${JSON.stringify(`${root}dist/esm/index.js`)};
      const engine = createTypeEngine({ storage: { rawOutputPrefix: ${JSON.stringify(join(work, "many-raw"))} } });
      await engine.toLiteral(${JSON.stringify(src)}, directory()); // every module loaded before the limit bites
      const results = await Promise.allSettled(
        Array.from({ length: 80 }, () => engine.toLiteral(${JSON.stringify(src)}, directory())),
      );
      const codes = results.map((r) => (r.status === "fulfilled" ? "ok" : r.reason.code ?? String(r.reason)));
      console.log(JSON.stringify([...new Set(codes)].sort()));`;
    // A limit low enough that 80 uploads of 8 files at a time cannot all hold their files open.
    const out = execFileSync(
      "bash",
      ["-c", `ulimit -n 200 && exec "${process.execPath}" --input-type=module -e "$0"`, script],
      {
        cwd: work,
        encoding: "utf8",
      },
    );
    const codes = JSON.parse(out.trim()) as string[];
    expect(codes.every((c) => c === "ok" || c === ErrorCode.storageFailed)).toBe(true);
  });

  it("a local file that grows while it is uploaded fails the upload and leaves no object", async () => {
    // /proc files report size 0 and then produce bytes: a file that grew between stat and read.
    const uri = `s3://${BUCKET}/grown/status`;
    const e = await rejection(s3.upload("/proc/self/status", uri));
    expect(e.code).toBe(ErrorCode.changedWhileReading);
    expect(await s3.stat(uri)).toBeUndefined();
  });

  it("a local file that shrinks while it is read is an error, not a short object", async () => {
    const path = join(work, "shrinks.bin");
    writeFileSync(path, randomBytes(3 * MiB));
    const chunks = readLocalFile(path, 3 * MiB);
    await chunks.next();
    truncateSync(path, MiB + 10);
    const e = await rejection(async () => {
      for await (const _ of chunks);
    });
    expect(e.code).toBe(ErrorCode.changedWhileReading);
  });

  it("a download resumed after a drop fails if the object was replaced in between, instead of mixing them", async () => {
    const uri = `s3://${BUCKET}/replaced/obj.bin`;
    const first = randomBytes(4 * MiB);
    await s3.write(uri, first);
    const viaProxy = new Storage({ s3: { endpoint: proxy.endpoint, credentials: CREDENTIALS, maxAttempts: 4 } });
    proxy.setRule(firstN(1, { truncateAfter: MiB }, (r) => r.method === "GET"));
    const got: Uint8Array[] = [];
    const e = await rejection(async () => {
      let replaced = false;
      for await (const chunk of viaProxy.read(uri)) {
        got.push(chunk);
        if (!replaced) {
          replaced = true;
          await s3.write(uri, randomBytes(4 * MiB));
        }
      }
    });
    proxy.setRule(undefined);
    expect(e.code).toBe(ErrorCode.changedWhileReading);
    // What was received before the failure is the old object's beginning, never new bytes after old ones.
    const received = Buffer.concat(got);
    expect(sha(received)).toBe(sha(first.subarray(0, received.byteLength)));
  });
});

describe("links inside a directory", () => {
  const dirWith = (name: string, make: (dir: string) => void): string => {
    const dir = join(work, name);
    mkdirSync(join(dir, "sub"), { recursive: true });
    writeFileSync(join(dir, "a.txt"), "a");
    writeFileSync(join(dir, "sub", "b.txt"), "b");
    make(dir);
    return dir;
  };
  const uploaded = async (dir: string) => {
    const lit = await engine.toLiteral(dir, directory());
    const d = await engine.toValue(lit, directory());
    const out: string[] = [];
    for await (const f of d.files()) out.push(f.uri.slice(d.uri.length + 1));
    return out.sort();
  };

  it("a link back to the directory itself is not followed: the upload ends, as os.walk's does", async () => {
    const dir = dirWith("loop", (d) => {
      symlinkSync(".", join(d, "again"));
      symlinkSync("..", join(d, "sub", "up"));
    });
    expect(await uploaded(dir)).toEqual(["a.txt", "sub/b.txt"]);
  });

  it("a link to a file inside the directory is uploaded with that file's bytes", async () => {
    const dir = dirWith("inner-link", (d) => symlinkSync(join(d, "sub", "b.txt"), join(d, "also-b.txt")));
    expect(await uploaded(dir)).toEqual(["a.txt", "also-b.txt", "sub/b.txt"]);
  });

  it("a link to a file outside the directory is refused, naming the link, and nothing is uploaded", async () => {
    writeFileSync(join(work, "outside-secret.txt"), "secret");
    const dir = dirWith("outer-link", (d) => symlinkSync(join(work, "outside-secret.txt"), join(d, "innocent.txt")));
    const prefixBefore = await listAll(`s3://${BUCKET}/raw`);
    const e = await rejection(engine.toLiteral(dir, directory()));
    expect(e.code).toBe(ErrorCode.unsafePath);
    expect(e.message).toContain("innocent.txt");
    expect(await listAll(`s3://${BUCKET}/raw`)).toEqual(prefixBefore);
  });

  it("a dangling link is not_found naming the link, not a raw error", async () => {
    const dir = dirWith("dangling", (d) => symlinkSync(join(d, "nowhere"), join(d, "ghost.txt")));
    const e = await rejection(engine.toLiteral(dir, directory()));
    expect(e.code).toBe(ErrorCode.notFound);
    expect(e.message).toContain("ghost.txt");
  });

  it("uploading a directory that is not there is a typed error", async () => {
    const e = await rejection(s3.uploadDirectory(join(work, "no-such-dir"), `s3://${BUCKET}/none`));
    expect(e.code).toBe(ErrorCode.notFound);
  });
});

describe("names at the file system's limit", () => {
  it("a file with a 255-byte name downloads, by default and to a given path", async () => {
    const name = `${"n".repeat(251)}.txt`;
    const local = join(work, "long");
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, name), "long");
    const lit = await engine.toLiteral(join(local, name), file());
    const f = await engine.toValue(lit, file());
    expect(readFileSync(await f.download(), "utf8")).toBe("long");
    mkdirSync(join(work, "long-out"), { recursive: true });
    expect(readFileSync(await f.download(join(work, "long-out", name)), "utf8")).toBe("long");
  });

  it("a failed download leaves no temporary directory behind", async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith("flyte-file-")).length;
    const f = new FlyteFile(`s3://${BUCKET}/missing/none.txt`, { storage: s3 });
    expect((await rejection(f.download())).code).toBe(ErrorCode.notFound);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith("flyte-file-")).length).toBe(before);
  });
});

async function listAll(prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const o of s3.list(prefix)) out.push(o.uri);
  return out.sort();
}
