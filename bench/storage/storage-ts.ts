// One transfer through the S3 server in a process of its own, so its peak RSS is its own.
// usage: storage_ts.ts <flyte-types|aws-sdk> <upload|download> <endpoint> <local path> <s3 uri>
// Prints {"seconds": …, "maxRssKb": …}.
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Storage } from "../../src/index.js";

const [impl, op, endpoint, path, uri] = process.argv.slice(2) as [string, string, string, string, string];
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const [, , bucket, ...rest] = uri.split("/");
const key = rest.join("/");

async function flyteTypes(): Promise<void> {
  const storage = new Storage({ s3: { endpoint, credentials } });
  if (op === "upload") await storage.upload(path, uri);
  else await storage.download(uri, path);
}

// What a user of the AWS SDK writes by hand: lib-storage's Upload from a file stream, GetObject piped to a file.
async function awsSdk(): Promise<void> {
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
  if (op === "upload") {
    await new Upload({ client, params: { Bucket: bucket, Key: key, Body: createReadStream(path) } }).done();
  } else {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await pipeline(out.Body as Readable, createWriteStream(path));
  }
  client.destroy();
}

const started = performance.now();
await (impl === "flyte-types" ? flyteTypes() : awsSdk());
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
