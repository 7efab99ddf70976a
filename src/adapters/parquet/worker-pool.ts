// The Parquet worker pool: one worker per core (two here), started on first use and unreferenced while idle so
// they never keep the process alive. A job is one file written or one read; its messages reach its own handler.
// Workers are replaced rather than trusted: one whose job failed, or whose WebAssembly memory (which never shrinks)
// grew large, is stopped once its jobs end; one that crashed is stopped at once, and the reads it was running start
// over on other workers. A crash no job owns up to (parquet-wasm traps outside any job's promise) is pinned on its
// job by running the jobs that shared the worker again one at a time, each alone on a worker.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { msg } from "../../errors/messages.js";
import type { FromWorker, ToWorker } from "./worker-protocol.js";

/** The owner of a job: told its worker's messages, its end, and when it starts over on another worker. */
export interface JobHandler {
  /** A message from the worker for this job: results, range requests, its end (`done`) or failure (`error`). */
  onMessage(m: FromWorker): void;
  /** The worker died (or the job could not be delivered): the job is over. */
  onFatal(error: Error): void;
  /**
   * The job was moved to another worker because its own died: post what opens it again, resuming where it got to.
   * A job without it (a write, whose input is gone) ends with onFatal instead.
   */
  restart?(): void;
}

/** A running job, as its owner sees it. */
export interface Job {
  /** The job's number in the pool, which every message to and from its worker carries. */
  readonly id: number;
  /** Changes each time the job starts over on another worker: an answer meant for an earlier run is dropped. */
  readonly run: number;
  /** Sends a message to the job's worker, moving `transfer`'s buffers; dropped while the job is on no worker. */
  post(m: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Ends the job on our side: later messages are dropped. */
  finish(): void;
}

/** How a `WorkerPool` replaces its workers. */
export interface WorkerPoolOptions {
  /**
   * A worker whose WebAssembly memory has grown past this many bytes is replaced once its jobs end: memory a large
   * (or hostile) file made it take is not kept for the life of the process. Default 512 MiB.
   */
  readonly retireAboveBytes?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Entry>;
  /** Resolves when the worker has loaded parquet-wasm. */
  readonly ready: Promise<void>;
  /** Takes no new jobs and stops when its last one ends. */
  retiring: boolean;
  /** Runs one suspect job at a time, alone. */
  readonly isolated: boolean;
  /** Stopped: its exit is expected, its jobs have been dealt with. */
  stopped: boolean;
}

interface Entry {
  readonly id: number;
  readonly handler: JobHandler;
  /** Where the job runs; undefined while it waits to run alone. */
  slot: Slot | undefined;
  run: number;
}

// Under tsx or vitest this module runs from source: the worker then needs tsx's loader to run TypeScript too.
const fromSource = import.meta.url.endsWith(".ts");
const script = new URL(fromSource ? "./parquet-worker.ts" : "./parquet-worker.js", import.meta.url);

/**
 * The parent's Node options that a worker needs to load its modules as the parent does (a loader such as tsx's,
 * --conditions, experimental module features), each with its value. Everything else stays out: options about the
 * parent's own script (`node --input-type=module -e …` runs us too) make a worker refuse to start
 * (ERR_INPUT_TYPE_NOT_ALLOWED), and so do V8 and per-process options such as --expose-gc or --max-old-space-size
 * (ERR_WORKER_INVALID_EXEC_ARGV).
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name = "", value] = arg.split("=", 2);
    const keep = LOADER_OPTIONS.has(name) || /^--(no-)?experimental-/.test(name);
    // An option that takes a value may have it in the next argument.
    const next = value === undefined && VALUED_OPTIONS.has(name) ? argv[++i] : undefined;
    if (keep) out.push(...(next === undefined ? [arg] : [arg, next]));
  }
  return out;
}

const LOADER_OPTIONS = new Set([
  "--import",
  "--require",
  "-r",
  "--loader",
  "--experimental-loader",
  "--conditions",
  "-C",
]);
/** Options whose value may follow as its own argument (any kept or not, so that the value is not read as an option). */
const VALUED_OPTIONS = new Set([
  ...LOADER_OPTIONS,
  "--input-type",
  "-e",
  "--eval",
  "-p",
  "--print",
  "--title",
  "--env-file",
  "--inspect-port",
  "--disable-warning",
  "--unhandled-rejections",
  "--redirect-warnings",
]);

/**
 * Worker threads that run parquet-wasm for Parquet reads and writes, one job per file. Workers start on first use,
 * never keep the process alive while idle, and are replaced after a failure, a crash or large memory growth.
 * `parquetPool()` is the one the package uses; make your own only to size or isolate it.
 */
export class WorkerPool {
  /** Workers that take new jobs. */
  private readonly slots: Slot[] = [];
  /** Every running worker: those that take jobs, those retiring and the one running suspects. */
  private readonly live = new Set<Slot>();
  /** Jobs that shared a worker that crashed with no job to blame: each runs again alone, in turn. */
  private readonly suspects: Entry[] = [];
  private isolation: Slot | undefined;
  private nextJob = 1;
  private started = 0;
  private readonly retireAbove: number;

  constructor(
    /** The most workers running jobs at once; default the cores available, at most 2. */
    readonly size: number = Math.max(1, Math.min(2, availableParallelism())),
    options: WorkerPoolOptions = {},
  ) {
    this.retireAbove = options.retireAboveBytes ?? 512 << 20;
  }

  /** Workers started since the pool was made: those that met a bad file, or grew large, were replaced. */
  get spawned(): number {
    return this.started;
  }

  /** Starts a job on the least busy worker (a new one while fewer than `size` run). */
  start(handler: JobHandler): Job {
    const entry: Entry = { id: this.nextJob++, handler, slot: undefined, run: 0 };
    this.place(entry, this.pick());
    return {
      id: entry.id,
      get run() {
        return entry.run;
      },
      post: (m, transfer = []) => {
        const slot = entry.slot;
        if (slot?.jobs.get(entry.id) === entry) slot.worker.postMessage(m, transfer);
      },
      finish: () => this.finish(entry),
    };
  }

  /**
   * Starts every worker and waits until each has loaded parquet-wasm: a service that reads or writes datasets can
   * pay the start-up (about 0.1 s per worker) before its first request instead of during it.
   */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.spawn(false);
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Stops every worker (tests and benchmarks; the pool starts new ones when used again); their jobs end. */
  async close(): Promise<void> {
    const slots = [...this.live];
    const waiting = this.suspects.splice(0);
    this.slots.splice(0);
    this.live.clear();
    this.isolation = undefined;
    const closed = new Error(msg.parquetPoolClosed);
    for (const e of waiting) e.handler.onFatal(closed);
    await Promise.all(
      slots.map((s) => {
        const jobs = this.stop(s);
        for (const e of jobs) e.handler.onFatal(closed);
        return s.worker.terminate();
      }),
    );
  }

  private place(entry: Entry, slot: Slot): void {
    entry.slot = slot;
    slot.jobs.set(entry.id, entry);
    if (slot.jobs.size === 1) slot.worker.ref();
  }

  private finish(entry: Entry): void {
    const slot = entry.slot;
    entry.slot = undefined;
    if (slot === undefined) {
      const i = this.suspects.indexOf(entry);
      if (i >= 0) this.suspects.splice(i, 1);
      return;
    }
    if (slot.jobs.get(entry.id) !== entry) return;
    slot.jobs.delete(entry.id);
    if (slot.jobs.size > 0) return;
    slot.worker.unref();
    this.settle(slot);
    if (slot.isolated) this.runSuspect();
  }

  /** Stops `slot` if it is retiring and has no jobs left. */
  private settle(slot: Slot): void {
    if (!slot.retiring || slot.stopped || slot.jobs.size > 0) return;
    this.stop(slot);
    void slot.worker.terminate();
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (best === undefined || s.jobs.size < best.jobs.size) best = s;
    if (best !== undefined && (best.jobs.size === 0 || this.slots.length >= this.size)) return best;
    return this.spawn(false);
  }

  /** Takes `slot` out of service; returns the jobs it still had. */
  private stop(slot: Slot): Entry[] {
    slot.stopped = true;
    slot.retiring = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    this.live.delete(slot);
    if (this.isolation === slot) this.isolation = undefined;
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const e of jobs) e.slot = undefined;
    return jobs;
  }

  /** No new jobs for `slot`; it stops when its last job ends. */
  private retire(slot: Slot): void {
    slot.retiring = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  /**
   * `slot`'s worker died or crashed. `culprit`: the job that crashed it, already told; else, when several jobs shared
   * it, each is suspect and runs again alone, and a job that was alone is the one to blame.
   */
  private lost(slot: Slot, error: Error, culprit?: number): void {
    if (slot.stopped) return;
    const wasIsolated = slot.isolated;
    const jobs = this.stop(slot).filter((e) => e.id !== culprit);
    void slot.worker.terminate();
    if (culprit !== undefined) {
      const lostError = new Error(msg.parquetWorkerLost, { cause: error });
      for (const e of jobs) {
        if (e.handler.restart === undefined) e.handler.onFatal(lostError);
        else this.restart(e, this.pick());
      }
    } else {
      for (const e of jobs) {
        if (jobs.length === 1 || e.handler.restart === undefined) e.handler.onFatal(error);
        else this.suspects.push(e);
      }
    }
    if (wasIsolated || this.suspects.length > 0) this.runSuspect();
  }

  private restart(entry: Entry, slot: Slot): void {
    entry.run++;
    this.place(entry, slot);
    (entry.handler.restart as () => void)();
  }

  /** Runs the next suspect job alone on the isolation worker (started when needed, stopped when none are left). */
  private runSuspect(): void {
    const current = this.isolation;
    if (current !== undefined && current.jobs.size > 0) return;
    const next = this.suspects.shift();
    if (next === undefined) {
      if (current !== undefined) {
        this.stop(current);
        void current.worker.terminate();
      }
      return;
    }
    const slot = current !== undefined && !current.retiring ? current : this.spawn(true);
    if (current !== undefined && current !== slot) {
      this.stop(current);
      void current.worker.terminate();
    }
    this.isolation = slot;
    this.restart(next, slot);
  }

  private spawn(isolated: boolean): Slot {
    // From source, a small bootstrap registers tsx's loader in the worker before importing the TypeScript entry.
    const worker = fromSource
      ? new Worker(
          `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, execArgv: workerExecArgv() },
        )
      : new Worker(script, { execArgv: workerExecArgv() });
    this.started++;
    let ready: () => void = () => undefined;
    const slot: Slot = {
      worker,
      jobs: new Map(),
      ready: new Promise((r) => (ready = r)),
      retiring: false,
      isolated,
      stopped: false,
    };
    worker.unref();
    worker.on("message", (m: FromWorker) => {
      if (m.t === "ready") return ready();
      const entry = slot.jobs.get(m.job);
      if (m.t === "error" && m.fatal) {
        entry?.handler.onMessage(m);
        return this.lost(slot, new Error(m.message), m.job);
      }
      // Before the handler sees the end of its job, so that the worker stops when that was its last.
      if (m.t === "error" || (m.t === "done" && m.memory > this.retireAbove)) this.retire(slot);
      entry?.handler.onMessage(m);
      // The end of a job already finished on this side (a cancelled read) ends no job here.
      if (entry === undefined) this.settle(slot);
    });
    worker.on("error", (e) => {
      ready();
      this.lost(slot, e.name === "RuntimeError" ? new Error(msg.parquetCrashed(e.message), { cause: e }) : e);
    });
    worker.on("exit", (code) => {
      ready();
      this.lost(slot, new Error(msg.parquetWorkerExited(code)));
    });
    this.live.add(slot);
    if (!isolated) this.slots.push(slot);
    return slot;
  }
}

let shared: WorkerPool | undefined;

/** The process-wide pool. */
export function parquetPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
