// Long operations report progress and stop on their signal, leaving nothing behind: a cancelled upload aborts its
// multipart upload and gives no literal, a cancelled download leaves no file (nor temporary file), a cancelled
// dataset write deletes its parts, and a cancelled read frees the Parquet workers for the next one.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListMultipartUploadsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import * as A from "apache-arrow";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { numberStream, numbers } from "../../fixtures/arrow-data.js";
import { CREDENTIALS, createBucket, testClient } from "../../scripts/moto-server.js";
import {
  ArrowTable,
  createTypeEngine,
  directory,
  ErrorCode,
  FlyteDirectory,
  FlyteFile,
  file,
  type Progress,
  Storage,
  StructuredDataset,
  structuredDataset,
} from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const endpoint = inject("s3Endpoint");
const MiB = 1024 * 1024;
const BUCKET = "cancel-tests";
const work = mkdtempSync(join(tmpdir(), "flyte-cancel-"));
/** Storage and an engine writing under their own prefix of the bucket, so that each test sees only its own keys. */
const at = (prefix: string) => {
  const storage = new Storage({
    rawOutputPrefix: `s3://${BUCKET}/${prefix}`,
    s3: { endpoint, credentials: CREDENTIALS, partSize: 5 * MiB, queueSize: 2 },
  });
  return { storage, engine: createTypeEngine({ storage }) };
};
const { storage, engine } = at("raw");
const bigFile = join(work, "big.bin");

beforeAll(async () => {
  await createBucket(endpoint, BUCKET);
  writeFileSync(bigFile, randomBytes(24 * MiB));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function keys(prefix: string): Promise<{ objects: string[]; uploads: string[] }> {
  const client = testClient(endpoint);
  try {
    const objects = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }));
    return {
      objects: (objects.Contents ?? []).map((o) => o.Key ?? ""),
      uploads: (uploads.Uploads ?? []).map((u) => u.Key ?? ""),
    };
  } finally {
    client.destroy();
  }
}

/** A signal that fires once `after` bytes have been reported, and the reports seen. */
function cancelAfter(after: number): { signal: AbortSignal; onProgress: (p: Progress) => void; seen: Progress[] } {
  const controller = new AbortController();
  const seen: Progress[] = [];
  return {
    signal: controller.signal,
    seen,
    onProgress: (p) => {
      seen.push(p);
      if (p.bytes >= after) controller.abort(new Error("the user stopped it"));
    },
  };
}

describe("progress", () => {
  it("an upload through toLiteral reports bytes up to the whole file, and the upload done", async () => {
    const seen: Progress[] = [];
    const literal = await engine.toLiteral(bigFile, file(), { onProgress: (p) => seen.push(p) });
    expect(literal.value.case).toBe("scalar");
    const last = seen[seen.length - 1];
    expect(last).toEqual({ bytes: 24 * MiB, items: 1, totalItems: 1 });
    expect(seen.every((p, i) => i === 0 || p.bytes >= (seen[i - 1] as Progress).bytes)).toBe(true);
  });

  it("a download reports bytes out of the object's size", async () => {
    const uri = `s3://${BUCKET}/progress/big.bin`;
    await storage.upload(bigFile, uri);
    const seen: Progress[] = [];
    await new FlyteFile(uri, { storage }).download(join(work, "copy.bin"), { onProgress: (p) => seen.push(p) });
    expect(seen[seen.length - 1]).toEqual({ bytes: 24 * MiB, totalBytes: 24 * MiB, items: 1, totalItems: 1 });
  });
});

describe("cancelling", () => {
  it("toLiteral: rejects with aborted, the multipart upload is aborted, no object and no literal", async () => {
    const c = cancelAfter(1);
    const e = await rejection(at("cancel-upload").engine.toLiteral(bigFile, file(), c));
    expect(e.code).toBe(ErrorCode.aborted);
    expect(e.message).toContain("the user stopped it");
    expect(await keys("cancel-upload/")).toEqual({ objects: [], uploads: [] });
  });

  it("a signal already aborted starts nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await rejection(at("cancel-early").engine.toLiteral(bigFile, file(), { signal: controller.signal }));
    expect(e.code).toBe(ErrorCode.aborted);
    expect(await keys("cancel-early/")).toEqual({ objects: [], uploads: [] });
  });

  it("FlyteFile.download: no file and no temporary file are left", async () => {
    const uri = `s3://${BUCKET}/cancel/big.bin`;
    await storage.upload(bigFile, uri);
    const into = join(work, "file-target");
    mkdirSync(into);
    const c = cancelAfter(1);
    const e = await rejection(new FlyteFile(uri, { storage }).download(join(into, "big.bin"), c));
    expect(e.code).toBe(ErrorCode.aborted);
    expect(readdirSync(into)).toEqual([]);
  });

  it("FlyteDirectory.download: none of the files it wrote are left", async () => {
    const src = join(work, "dir-src");
    mkdirSync(src);
    for (let i = 0; i < 6; i++) writeFileSync(join(src, `f${i}.bin`), randomBytes(2 * MiB));
    const literal = await engine.toLiteral(src, directory());
    const d = await engine.toValue(literal, directory());
    expect(d).toBeInstanceOf(FlyteDirectory);
    const into = join(work, "dir-target");
    const c = cancelAfter(5 * MiB);
    const e = await rejection(d.download(into, c));
    expect(e.code).toBe(ErrorCode.aborted);
    expect(existsSync(into) ? readdirSync(into) : []).toEqual([]);
  });

  it("a dataset write: rejects with aborted and its parts are deleted", async () => {
    const local = createTypeEngine({ storage: { rawOutputPrefix: join(work, "ds-raw") } });
    const c = cancelAfter(8 * MiB);
    const e = await rejection(
      local.toLiteral(StructuredDataset.from(ArrowTable, numberStream(4_000_000, 1 << 16)), structuredDataset(), c),
    );
    expect(e.code).toBe(ErrorCode.aborted);
    // No part, whole or partial (temporary files included): only empty directories may remain.
    const raw = join(work, "ds-raw");
    const left = existsSync(raw) ? readdirSync(raw, { recursive: true, withFileTypes: true }) : [];
    expect(left.filter((d) => d.isFile()).map((d) => d.name)).toEqual([]);
    expect(c.seen.length).toBeGreaterThan(0);
  });

  it("iter(): rejects with aborted at the next batch, and the workers serve the next read", async () => {
    const local = createTypeEngine({ storage: { rawOutputPrefix: join(work, "iter-raw") } });
    const table = new A.Table([numbers(0, 1_000_000)]);
    const literal = await local.toLiteral(StructuredDataset.from(ArrowTable, table), structuredDataset());
    const sd = await local.toValue(literal, structuredDataset());
    const controller = new AbortController();
    let batches = 0;
    const e = await rejection(async () => {
      for await (const _ of sd.open(ArrowTable).iter({ batchSize: 10_000, signal: controller.signal })) {
        batches++;
        controller.abort();
      }
    });
    expect(e.code).toBe(ErrorCode.aborted);
    expect(batches).toBe(1);
    const again = await sd.open(ArrowTable).all();
    expect(again.numRows).toBe(1_000_000);
  });
});
