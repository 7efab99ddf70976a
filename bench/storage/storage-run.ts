// 1 GiB up and down through a local S3 server (moto, started here): flyte-types' storage beside the raw AWS SDK,
// flytekit (s3fs) and Flyte 2 (obstore), each transfer in a process of its own. Returns a RESULTS.md section.
import { execFileSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { createBucket, startMoto, testClient } from "../../scripts/moto-server.js";

const GiB = 1024 ** 3;
const root = new URL("../..", import.meta.url).pathname;
const python = `${root}.venv/bin/python`;
const IMPLS = ["flyte-types", "aws-sdk", "flytekit", "flyte2"] as const;
type Impl = (typeof IMPLS)[number];
const LABEL: Record<Impl, string> = {
  "flyte-types": "flyte-types (Storage)",
  "aws-sdk": "raw AWS SDK (Upload / GetObject)",
  flytekit: "flytekit (s3fs)",
  flyte2: "Flyte 2 (obstore)",
};

interface Run {
  seconds: number;
  maxRssKb: number;
}

function transfer(impl: Impl, op: "upload" | "download", endpoint: string, path: string, uri: string): Run {
  const [cmd, argv] =
    impl === "flyte-types" || impl === "aws-sdk"
      ? ["node", ["--import", "tsx", "bench/storage/storage-ts.ts", impl, op, endpoint, path, uri]]
      : [python, ["bench/storage/storage_py.py", impl, op, endpoint, path, uri]];
  const out = execFileSync(cmd, argv as string[], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  return JSON.parse(out.trim().split("\n").pop() as string) as Run;
}

async function sha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest("hex");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

export async function storageBench(runs: number, log: (s: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "flyte-bench-s3-"));
  const source = join(dir, "source.bin");
  const fd = openSync(source, "w");
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  for (let written = 0; written < GiB; written += chunk.length) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  const want = await sha256(source);
  const server = await startMoto();
  const client = testClient(server.endpoint);
  const results: Record<Impl, { upload: Run[]; download: Run[] }> = {
    "flyte-types": { upload: [], download: [] },
    "aws-sdk": { upload: [], download: [] },
    flytekit: { upload: [], download: [] },
    flyte2: { upload: [], download: [] },
  };
  try {
    await createBucket(server.endpoint, "bench");
    for (let r = 0; r < runs; r++) {
      for (const impl of IMPLS) {
        log(`storage ${impl} run ${r + 1}/${runs}…`);
        const key = `${impl}/${r}.bin`;
        const uri = `s3://bench/${key}`;
        results[impl].upload.push(transfer(impl, "upload", server.endpoint, source, uri));
        const target = join(dir, `${impl}.bin`);
        results[impl].download.push(transfer(impl, "download", server.endpoint, target, uri));
        // Every byte must have made the round trip, or the timing means nothing.
        if (statSync(target).size !== GiB || (r === 0 && (await sha256(target)) !== want)) {
          throw new Error(`${impl}: the downloaded copy differs from the source`);
        }
        rmSync(target);
        await client.send(new DeleteObjectCommand({ Bucket: "bench", Key: key }));
      }
    }
  } finally {
    client.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const mbs = (s: number) => `${(GiB / 1e6 / s).toFixed(0)} MB/s`;
  const raw = results["aws-sdk"];
  const rows = IMPLS.flatMap((impl) =>
    (["upload", "download"] as const).map((op) => {
      const s = median(results[impl][op].map((x) => x.seconds));
      const rss = Math.max(...results[impl][op].map((x) => x.maxRssKb));
      const rawS = median(raw[op].map((x) => x.seconds));
      return `| ${LABEL[impl]} | ${op} | ${s.toFixed(2)} s | ${mbs(s)} | ${((rawS / s) * 100).toFixed(0)}% | ${Math.round(rss / 1024)} MB |`;
    }),
  );
  return `## Storage: 1 GiB through a local S3 server

moto ${execFileSync(python, ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" }).trim()} in server mode on 127.0.0.1, started by the benchmark; one 1 GiB file of random bytes, uploaded
and downloaded ${runs} times by each, every transfer in a fresh process (peak RSS is the process's). Medians; "of raw" is
the raw AWS SDK's time over ours (above 100% is faster than the raw SDK). flyte-types uses its defaults: 8 MiB parts, 4 in
flight, downloads streamed to a temporary file renamed into place. The first download of each is checked byte for byte.

| implementation | op | time | throughput | of raw | peak RSS |
|---|---|---|---|---|---|
${rows.join("\n")}
`;
}
