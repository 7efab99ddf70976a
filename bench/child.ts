// The measuring side of bench/method.ts for TypeScript: bench/child.py is the same for Python, step for step.
// A child imports the library (timed), loads its data, marks the memory baseline, runs each operation 1 + W times
// and prints one JSON line (a ChildReport).
import { readFileSync, writeFileSync } from "node:fs";
import type { ChildReport, OpTimes } from "./method.js";

function statusKb(field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
  return m === null ? 0 : Number(m[1]);
}

// Each timed section starts from a collected heap, as CPython's reference counting frees as it goes
// (node runs with --expose-gc; without it this is a no-op).
export const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Times `load()`: the import of the library under test. */
export async function timedImport<T>(load: () => Promise<T>): Promise<{ module: T; importSeconds: number }> {
  const t0 = performance.now();
  const module = await load();
  return { module, importSeconds: (performance.now() - t0) / 1000 };
}

export class Child {
  readonly ops: Record<string, OpTimes> = {};
  private baselineKb = 0;

  constructor(
    private readonly importSeconds: number,
    readonly warmRuns: number,
  ) {}

  /** Marks the baseline: libraries imported, data loaded. Resets the kernel's peak-RSS mark. */
  baseline(): void {
    gc();
    this.baselineKb = statusKb("VmRSS");
    writeFileSync("/proc/self/clear_refs", "5");
  }

  /** Adds one timed run of `op`: the first is its cold run, the rest warm. */
  async time(op: string, once: () => unknown): Promise<void> {
    gc();
    const t0 = performance.now();
    await once();
    const s = (performance.now() - t0) / 1000;
    const t = this.ops[op];
    if (t === undefined) this.ops[op] = { cold: s, warm: [] };
    else t.warm.push(s);
  }

  /** Runs `op` 1 + W times. */
  async repeat(op: string, once: () => unknown): Promise<void> {
    for (let r = 0; r <= this.warmRuns; r++) await this.time(op, once);
  }

  report(extra: Record<string, unknown> = {}): void {
    const r: ChildReport = {
      ...extra,
      ops: this.ops,
      importSeconds: this.importSeconds,
      peakKb: process.resourceUsage().maxRSS,
      baselineKb: this.baselineKb,
      runPeakKb: statusKb("VmHWM"),
    };
    process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}
