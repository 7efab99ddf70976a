// Runs fuzz inputs in a worker thread with a capped JS heap and a watchdog, so an input that hangs or exhausts
// memory is reported (and saved) like any other finding instead of stalling or killing the test run. The worker
// is started again after each such input.
import { Worker } from "node:worker_threads";

export interface SandboxOptions {
  /** Scratch directory for the targets' files. */
  readonly work: string;
  /** The worker's old-generation heap cap; an input that exceeds it is a memory finding. */
  readonly heapMb: number;
  /** An input without an answer after this long is a hang. */
  readonly timeoutMs: number;
  /** Peak RSS of the whole process (every thread, wasm memory included) an input may not push past. */
  readonly rssBudgetMb: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const script = new URL("./fuzz-worker.ts", import.meta.url).href;

export class Sandbox {
  private worker: Worker | undefined;
  private seeds: Promise<Readonly<Record<string, readonly Uint8Array[]>>> | undefined;

  constructor(readonly options: SandboxOptions) {}

  /** The targets' valid inputs, once the worker is up. */
  start(): Promise<Readonly<Record<string, readonly Uint8Array[]>>> {
    if (this.seeds !== undefined) return this.seeds;
    // The worker runs TypeScript: a small bootstrap registers tsx's loader first, as the Parquet pool does.
    const worker = new Worker(
      `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(script)}); });`,
      {
        eval: true,
        workerData: { work: this.options.work },
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
      },
    );
    this.worker = worker;
    this.seeds = new Promise((resolve, reject) => {
      const onReady = (m: { t: string; seeds: Record<string, readonly Uint8Array[]> }) => {
        if (m.t !== "ready") return;
        worker.off("message", onReady);
        worker.off("error", reject);
        resolve(m.seeds);
      };
      worker.on("message", onReady);
      worker.once("error", reject);
    });
    return this.seeds;
  }

  /** The input's finding: undefined when it decoded or failed with a typed error, else what went wrong. */
  async run(target: string, bytes: Uint8Array): Promise<string | undefined> {
    await this.start();
    const worker = this.worker as Worker;
    const before = peakRssMb();
    const { heapMb, timeoutMs, rssBudgetMb } = this.options;
    const problem = await new Promise<string | undefined>((resolve) => {
      const done = (p: string | undefined, restart: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (restart) this.stop();
        resolve(p);
      };
      const onMessage = (m: { t: string; problem?: string }) => {
        if (m.t === "result") done(m.problem, false);
      };
      const onError = (e: Error & { code?: string }) =>
        done(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `memory: the input exhausted the worker's ${heapMb} MB heap`
            : `crash: ${e.message}`,
          true,
        );
      const onExit = (code: number) => done(`crash: the worker exited with code ${code}`, true);
      const timer = setTimeout(() => done(`hang: no answer within ${timeoutMs} ms`, true), timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ target, bytes });
    });
    if (problem === undefined && before <= rssBudgetMb && peakRssMb() > rssBudgetMb) {
      return `memory: the process's peak RSS passed ${rssBudgetMb} MB`;
    }
    return problem;
  }

  /** Ends the worker; the next input starts a fresh one. */
  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.seeds = undefined;
  }
}
