// S3 (and any S3-compatible service) as a backend, through @aws-sdk/client-s3 and @aws-sdk/lib-storage, which are
// loaded on first use so that local-only users never pay for them.
//
// Writes go through lib-storage's Upload: bodies are cut into parts of `partSize` bytes with at most `queueSize`
// in flight, so memory is bounded by partSize × queueSize whatever the object's size; a failed upload is aborted,
// so no object appears. Requests are retried by the SDK's standard strategy (exponential backoff with jitter on
// 5xx, throttling and dropped connections); a read that breaks mid-stream resumes with a ranged GET.
import type { Readable } from "node:stream";
import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { Backend, ByteRange, ByteSource, ObjectInfo, WriteOptions } from "./backend.js";
import { ioError, isMissing, notFoundError, storageError } from "./storage-errors.js";
import { bucketKey } from "./uri.js";

/** How `s3://` URIs are reached: the endpoint, credentials and upload tuning of the S3 client. */
export interface S3Options {
  /** e.g. `http://127.0.0.1:9000`; default: `FLYTE_AWS_ENDPOINT`, else the SDK's own resolution (AWS_ENDPOINT_URL…). */
  readonly endpoint?: string;
  /** Default: `AWS_REGION`, else `us-east-1`. */
  readonly region?: string;
  /** Path-style addressing (`endpoint/bucket/key`); default: true when an endpoint is given. */
  readonly forcePathStyle?: boolean;
  /** Default: `FLYTE_AWS_ACCESS_KEY_ID`/`FLYTE_AWS_SECRET_ACCESS_KEY` when set, else the standard AWS chain. */
  readonly credentials?: {
    /** The AWS access key id. */
    accessKeyId: string;
    /** The secret access key that goes with `accessKeyId`. */
    secretAccessKey: string;
    /** The session token of temporary (STS) credentials. */
    sessionToken?: string;
  };
  /** Bytes per multipart part (≥ 5 MiB); default 8 MiB. */
  readonly partSize?: number;
  /** Parts uploaded at once; default 4. Memory per upload is about partSize × queueSize. */
  readonly queueSize?: number;
  /** Attempts per request, the first included; default 5. */
  readonly maxAttempts?: number;
  /** A client to use instead of building one from the options above. */
  readonly client?: S3Client;
}

const MiB = 1024 * 1024;

type Sdk = typeof import("@aws-sdk/client-s3");
type LibStorage = typeof import("@aws-sdk/lib-storage");

export class S3Backend implements Backend {
  readonly scheme = "s3";
  private loaded: Promise<{ sdk: Sdk; lib: LibStorage; client: S3Client }> | undefined;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly maxAttempts: number;

  constructor(private readonly options: S3Options = {}) {
    this.partSize = Math.max(options.partSize ?? 8 * MiB, 5 * MiB);
    this.queueSize = Math.max(1, options.queueSize ?? 4);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  private load(): Promise<{ sdk: Sdk; lib: LibStorage; client: S3Client }> {
    this.loaded ??= (async () => {
      const [sdk, lib] = await Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/lib-storage")]);
      const client = this.options.client ?? new sdk.S3Client(clientConfig(this.options, this.maxAttempts));
      return { sdk, lib, client };
    })();
    return this.loaded;
  }

  async *read(uri: string, range: ByteRange = {}): AsyncIterable<Uint8Array> {
    const { sdk, client } = await this.load();
    const { bucket, key } = parse(uri);
    let pos = range.start ?? 0;
    const end = range.end;
    if (end !== undefined && end <= pos) return;
    let failures = 0;
    // A resumed read is pinned to the object the first response came from: if it was replaced in between, S3
    // answers 412 and we fail, rather than join the old object's first bytes to the new one's last.
    let etag: string | undefined;
    for (;;) {
      let body: Readable | undefined;
      try {
        const ranged = pos > 0 || end !== undefined;
        const out = await client.send(
          new sdk.GetObjectCommand({
            Bucket: bucket,
            Key: key,
            ...(ranged ? { Range: `bytes=${pos}-${end === undefined ? "" : end - 1}` } : {}),
            ...(etag === undefined ? {} : { IfMatch: etag }),
          }),
        );
        etag ??= out.ETag;
        body = out.Body as Readable;
      } catch (e) {
        if (etag !== undefined && isPreconditionFailed(e)) {
          fail(ErrorCode.changedWhileReading, msg.objectChanged(uri), { root: uri, cause: e });
        }
        throw ioError("reading", uri, e);
      }
      try {
        for await (const chunk of body) {
          pos += (chunk as Uint8Array).byteLength;
          failures = 0;
          yield chunk as Uint8Array;
        }
        return;
      } catch (e) {
        // The connection broke mid-body: resume from the last byte received, with backoff.
        failures++;
        if (failures >= this.maxAttempts) throw storageError("reading", uri, e);
        await sleep(backoff(failures));
      } finally {
        body.destroy();
      }
    }
  }

  async write(uri: string, body: ByteSource, options: WriteOptions = {}): Promise<ObjectInfo> {
    const { lib, client } = await this.load();
    const { bucket, key } = parse(uri);
    let size = 0;
    // node:stream is taken on first use, not imported at the top (it costs a cold start ~2 ms).
    const { Readable } = process.getBuiltinModule("node:stream");
    const counted = body instanceof Uint8Array ? body : Readable.from(count(body, (n) => (size += n)));
    const upload = new lib.Upload({
      client,
      params: { Bucket: bucket, Key: key, Body: counted },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    const abort = () => void upload.abort();
    options.signal?.addEventListener("abort", abort, { once: true });
    try {
      await upload.done();
    } catch (e) {
      if (counted instanceof Readable) counted.destroy();
      throw storageError("writing", uri, e);
    } finally {
      options.signal?.removeEventListener("abort", abort);
    }
    return { uri, size: body instanceof Uint8Array ? body.byteLength : size };
  }

  async stat(uri: string): Promise<ObjectInfo | undefined> {
    const { sdk, client } = await this.load();
    const { bucket, key } = parse(uri);
    try {
      const out = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { uri, size: out.ContentLength ?? 0 };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw storageError("inspecting", uri, e);
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    const { sdk, client } = await this.load();
    const { bucket, key } = parse(prefix);
    const dir = key === "" || key.endsWith("/") ? key : `${key}/`;
    let token: string | undefined;
    do {
      let page: import("@aws-sdk/client-s3").ListObjectsV2CommandOutput;
      try {
        page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: dir, ContinuationToken: token }),
        );
      } catch (e) {
        if (isMissing(e)) throw notFoundError(prefix, e);
        throw storageError("listing", prefix, e);
      }
      for (const o of page.Contents ?? []) {
        if (o.Key === undefined || o.Key.endsWith("/")) continue;
        yield { uri: `s3://${bucket}/${o.Key}`, size: o.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async delete(uri: string): Promise<void> {
    const { sdk, client } = await this.load();
    const { bucket, key } = parse(uri);
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    } catch (e) {
      throw storageError("deleting", uri, e);
    }
  }
}

function clientConfig(o: S3Options, maxAttempts: number): S3ClientConfig {
  const env = process.env;
  const endpoint = o.endpoint ?? env.FLYTE_AWS_ENDPOINT;
  const keyId = env.FLYTE_AWS_ACCESS_KEY_ID;
  const secret = env.FLYTE_AWS_SECRET_ACCESS_KEY;
  const credentials = o.credentials ?? (keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined);
  return {
    region: o.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
    maxAttempts,
    retryMode: "standard",
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? endpoint !== undefined,
    ...(credentials ? { credentials } : {}),
  };
}

function parse(uri: string): { bucket: string; key: string } {
  const bk = bucketKey(uri);
  if (bk === undefined || bk.bucket === "") throw storageError("parsing", uri, new Error("expected s3://bucket/key"));
  return bk;
}

async function* count(source: AsyncIterable<Uint8Array>, add: (n: number) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    add(chunk.byteLength);
    yield chunk;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Full-jitter exponential backoff: up to 100 ms, 200 ms, 400 ms… capped at 5 s. */
const backoff = (attempt: number) => Math.random() * Math.min(5000, 100 * 2 ** (attempt - 1));

/** S3's answer to an If-Match that no longer holds. */
function isPreconditionFailed(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === "PreconditionFailed" || err.$metadata?.httpStatusCode === 412;
}
