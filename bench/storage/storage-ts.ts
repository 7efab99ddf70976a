// Transfers through the S3 server in a process of its own (bench/method.ts, bench/child.ts): the same transfer
// 1 + W times, the first cold (client creation and connections inside it).
// usage: node bench/storage/storage-ts.js <flyte-types|aws-sdk> <upload|download> <endpoint> <local path> <s3 uri> WARM
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Child, timedImport } from "../child.js";

const [impl, op, endpoint, path, uri, warm = "1"] = process.argv.slice(2) as [string, string, string, string, string];
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const [, , bucket, ...rest] = uri.split("/");
const key = rest.join("/");

async function flyteTypes(): Promise<[number, () => Promise<void>]> {
  const { module: lib, importSeconds } = await timedImport(() => import("flyte-types"));
  // flyte-types with its defaults; the Storage (and its S3 client) is made on first use, inside the cold run.
  let storage: InstanceType<typeof lib.Storage> | undefined;
  return [
    importSeconds,
    async () => {
      storage ??= new lib.Storage({ s3: { endpoint, credentials } });
      if (op === "upload") await storage.upload(path, uri);
      else await storage.download(uri, path);
    },
  ];
}

// What a user of the AWS SDK writes by hand: lib-storage's Upload from a file stream, GetObject piped to a file.
async function awsSdk(): Promise<[number, () => Promise<void>]> {
  const { module, importSeconds } = await timedImport(async () => ({
    s3: await import("@aws-sdk/client-s3"),
    storage: await import("@aws-sdk/lib-storage"),
  }));
  const { s3, storage } = module;
  let client: InstanceType<typeof s3.S3Client> | undefined;
  const once = async () => {
    client ??= new s3.S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
    if (op === "upload") {
      await new storage.Upload({ client, params: { Bucket: bucket, Key: key, Body: createReadStream(path) } }).done();
    } else {
      const out = await client.send(new s3.GetObjectCommand({ Bucket: bucket, Key: key }));
      await pipeline(out.Body as Readable, createWriteStream(path));
    }
  };
  return [importSeconds, once];
}

const [importSeconds, once] = impl === "flyte-types" ? await flyteTypes() : await awsSdk();
const child = new Child(importSeconds, Number(warm));
child.baseline();
await child.repeat(op, once);
child.report();
process.exit(0);
