// A real S3-compatible server for the tests: moto's server mode from the interop venv, on 127.0.0.1.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";

/** The repository: the nearest folder above this file with a package.json (this file also runs compiled, from
 * bench/out/js/scripts/). */
function repoRoot(): string {
  let dir = dirname(new URL(import.meta.url).pathname);
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = repoRoot();
const motoBin = join(root, ".venv/bin/moto_server");
export const CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface S3Server {
  readonly endpoint: string;
  readonly port: number;
  /** Stops the server (SIGKILL when `hard`: the process dies mid-request). */
  stop(hard?: boolean): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (the OS picks; a tiny race with other processes is acceptable in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startMoto(port?: number): Promise<S3Server> {
  if (!existsSync(motoBin)) throw new Error(`no ${motoBin}: npm test creates the venv (scripts/ensure-venv.sh)`);
  const p = port ?? (await freePort());
  const child: ChildProcess = spawn(motoBin, ["-H", "127.0.0.1", "-p", String(p)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
    const up = await fetch(`${endpoint}/moto-api/`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`moto_server did not start on ${endpoint}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint,
    port: p,
    stop: (hard = false) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(hard ? "SIGKILL" : "SIGTERM");
      }),
  };
}

export function testClient(endpoint: string): S3Client {
  return new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: CREDENTIALS });
}

export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  const c = testClient(endpoint);
  try {
    await c.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    c.destroy();
  }
}
