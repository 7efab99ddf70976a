// The Parquet worker pool: one worker per core (two here), started on first use and unreferenced while idle so
// they never keep the process alive. A job is one file written or one read; its messages reach its own handler.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./worker-protocol.js";

export interface JobHandler {
  onMessage(m: FromWorker): void;
  /** The worker died (or the job could not be delivered): the job is over. */
  onFatal(error: Error): void;
}

export interface Job {
  readonly id: number;
  post(m: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Ends the job on our side: later messages are dropped. */
  finish(): void;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, JobHandler>;
  /** Resolves when the worker has loaded parquet-wasm. */
  readonly ready: Promise<void>;
}

// Under tsx or vitest this module runs from source: the worker then needs tsx's loader to run TypeScript too.
const fromSource = import.meta.url.endsWith(".ts");
const script = new URL(fromSource ? "./parquet-worker.ts" : "./parquet-worker.js", import.meta.url);

/** Options that describe the main script rather than the runtime; a worker refuses them (ERR_INPUT_TYPE_NOT_ALLOWED). */
const SCRIPT_OPTIONS = new Set(["--input-type", "-e", "--eval", "-p", "--print"]);

/** The parent's Node options, less those about its own script (`node --input-type=module -e …` runs us too). */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, value] = arg.split("=", 2);
    if (!SCRIPT_OPTIONS.has(name as string)) out.push(arg);
    else if (value === undefined) i++; // the option's value (a module type, a script) follows it
  }
  return out;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextJob = 1;

  constructor(readonly size: number = Math.max(1, Math.min(2, availableParallelism()))) {}

  /** Starts a job on the least busy worker (a new one while fewer than `size` run). */
  start(handler: JobHandler): Job {
    const slot = this.pick();
    const id = this.nextJob++;
    slot.jobs.set(id, handler);
    if (slot.jobs.size === 1) slot.worker.ref();
    return {
      id,
      post: (m, transfer = []) => {
        if (slot.jobs.has(id)) slot.worker.postMessage(m, transfer);
      },
      finish: () => {
        if (slot.jobs.delete(id) && slot.jobs.size === 0) slot.worker.unref();
      },
    };
  }

  /**
   * Starts every worker and waits until each has loaded parquet-wasm: a service that reads or writes datasets can
   * pay the start-up (about 0.1 s per worker) before its first request instead of during it.
   */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.spawn();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Stops every worker (tests and benchmarks; the pool starts new ones when used again). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (best === undefined || s.jobs.size < best.jobs.size) best = s;
    if (best !== undefined && (best.jobs.size === 0 || this.slots.length >= this.size)) return best;
    return this.spawn();
  }

  private spawn(): Slot {
    // From source, a small bootstrap registers tsx's loader in the worker before importing the TypeScript entry.
    const worker = fromSource
      ? new Worker(
          `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, execArgv: workerExecArgv() },
        )
      : new Worker(script, { execArgv: workerExecArgv() });
    let ready: () => void = () => undefined;
    const slot: Slot = { worker, jobs: new Map(), ready: new Promise((r) => (ready = r)) };
    worker.unref();
    worker.on("message", (m: FromWorker) => (m.t === "ready" ? ready() : slot.jobs.get(m.job)?.onMessage(m)));
    const die = (error: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const h of [...slot.jobs.values()]) h.onFatal(error);
      slot.jobs.clear();
      ready();
    };
    worker.on("error", die);
    worker.on("exit", (code) => die(new Error(`the Parquet worker exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

let shared: WorkerPool | undefined;

/** The process-wide pool. */
export function parquetPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
