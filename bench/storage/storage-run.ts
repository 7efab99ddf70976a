// 1 GiB up and down through a local S3 server (moto, started here): flyte-types' storage beside the raw AWS SDK,
// flytekit (s3fs) and Flyte 2 (obstore), interleaved, one process per measurement (bench/method.ts). Returns a
// RESULTS.md section.
import { execFileSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBucket, startMoto } from "../../scripts/moto-server.js";
import {
  header,
  interleave,
  loadCell,
  type Measurement,
  measure,
  memoryCells,
  nCell,
  opStats,
  row,
  type Stats,
  timeCell,
} from "../method.js";

const GiB = 1024 ** 3;
const IMPLS = ["flyte-types", "aws-sdk", "flytekit", "flyte2"] as const;
type Impl = (typeof IMPLS)[number];
const LABEL: Record<Impl, string> = {
  "flyte-types": "flyte-types (Storage)",
  "aws-sdk": "raw AWS SDK (Upload / GetObject)",
  flytekit: "flytekit (s3fs)",
  flyte2: "Flyte 2 (obstore)",
};
const OPS = ["upload", "download"] as const;

export interface StorageOptions {
  root: string;
  python: string;
  processes: number;
  warm: number;
  /** Bytes of the file moved (1 GiB in the published figures). */
  bytes: number;
  log: (s: string) => void;
}

async function sha256(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest("hex");
}

export async function storageBench(o: StorageOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "flyte-bench-s3-"));
  const source = join(dir, "source.bin");
  const fd = openSync(source, "w");
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  for (let written = 0; written < o.bytes; written += chunk.length) {
    writeSync(fd, randomFillSync(chunk).subarray(0, Math.min(chunk.length, o.bytes - written)));
  }
  closeSync(fd);
  const want = await sha256(source);
  const runs = new Map<string, Measurement[]>();
  const transfer = (impl: Impl, op: string, endpoint: string, path: string, uri: string) =>
    impl === "flyte-types" || impl === "aws-sdk"
      ? measure(
          "node",
          ["bench/out/js/bench/storage/storage-ts.js", impl, op, endpoint, path, uri, String(o.warm)],
          o.root,
        )
      : measure(o.python, ["bench/storage/storage_py.py", impl, op, endpoint, path, uri, String(o.warm)], o.root);
  // Each implementation's round gets a fresh server: no side meets the state another left (moto keeps objects and
  // multipart uploads in memory, and under many concurrent 1 GiB uploads on one instance it has stopped answering).
  const rounds: [Impl, number][] = [];
  interleave(o.processes, IMPLS, (impl, r) => {
    rounds.push([impl, r]);
  });
  try {
    for (const [impl, r] of rounds) {
      o.log(`storage ${impl} process ${r + 1}/${o.processes}`);
      const server = await startMoto();
      try {
        await createBucket(server.endpoint, "bench");
        const uri = `s3://bench/${impl}/${r}.bin`;
        const target = join(dir, `${impl}.bin`);
        for (const [op, path] of [
          ["upload", source],
          ["download", target],
        ] as const) {
          runs.set(`${impl}/${op}`, [
            ...(runs.get(`${impl}/${op}`) ?? []),
            transfer(impl, op, server.endpoint, path, uri),
          ]);
        }
        // Every byte must have made the round trip, or the timing means nothing.
        if (statSync(target).size !== o.bytes) throw new Error(`${impl}: the downloaded copy has the wrong size`);
        if (r === 0 && (await sha256(target)) !== want) throw new Error(`${impl}: the downloaded copy differs`);
        rmSync(target);
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ofRaw = (raw: Stats | undefined, s: Stats | undefined) =>
    raw === undefined || s === undefined ? "–" : `${((raw.median / s.median) * 100).toFixed(0)}%`;
  const mbs = (s: Stats) => `${(o.bytes / 1e6 / s.median).toFixed(0)} MB/s`;
  const lines = OPS.flatMap((op) => {
    const raw = opStats(runs.get(`aws-sdk/${op}`) ?? [], op);
    return IMPLS.map((impl) => {
      const ms = runs.get(`${impl}/${op}`) ?? [];
      const s = opStats(ms, op);
      const isRaw = impl === "aws-sdk";
      return row([
        op,
        LABEL[impl],
        nCell(s.cold.n, (s.warm?.n ?? 0) / s.cold.n),
        timeCell(s.cold),
        timeCell(s.warm),
        mbs(s.warm ?? s.cold),
        isRaw ? "" : ofRaw(raw.cold, s.cold),
        isRaw ? "" : ofRaw(raw.warm, s.warm),
        ...memoryCells(ms),
        loadCell(s.load),
      ]);
    });
  });
  const moto = execFileSync(o.python, ["-c", "import moto; print(moto.__version__)"], { encoding: "utf8" }).trim();
  const size = o.bytes >= GiB ? `${o.bytes / GiB} GiB` : `${o.bytes / 1024 ** 2} MiB`;
  return `## Storage: ${size} through a local S3 server

**Method.** moto ${moto} in server mode on 127.0.0.1, started afresh by the benchmark for each implementation's round, holds one ${size} file of random bytes.
flyte-types (the built package on plain \`node\`): \`new Storage({ s3: { endpoint, credentials } })\`, then
\`storage.upload(path, uri)\` / \`storage.download(uri, path)\` with its defaults (8 MiB parts, 4 in flight; downloads
streamed to a temporary file renamed into place). Raw AWS SDK v3: \`new Upload({ client, params: { Body:
createReadStream(path) } }).done()\` and \`GetObjectCommand\` piped to a file, what a user writes by hand. flytekit:
\`FileAccessProvider.put_data\` / \`get_data\` (fsspec, s3fs). Flyte 2: \`flyte.storage.put\` / \`get\` (obstore) after
\`flyte.init.aio(storage=S3.auto())\`. **Clock:** ${o.processes} processes per implementation and direction,
interleaved; each makes the same transfer ${o.warm + 1} time(s): **cold** is the first (client creation and
connections inside it), **warm** any later ones (none by default: moto stopped answering when one process repeated a
1 GiB upload with the raw AWS SDK). Cells are median (min–max), n is processes × (cold + warm);
throughput is of the warm median (the cold one without warm runs); "of raw" is the raw AWS SDK's median time over this one's (above 100%: faster
than the raw SDK). The server runs on the same 2 cores, so every transfer shares them with it. Each process's first
download is checked for size, and the first round's byte for byte. **load** is the 1-minute load average as each
process started ("noisy" at 1.5 or more).

${header(["op", "implementation", "n", "cold", "warm", "throughput", "of raw cold", "of raw warm", "peak RSS", "above baseline", "load"])}
${lines.join("\n")}
`;
}
