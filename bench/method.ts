// How every benchmark measures, written once so that each side of a comparison is measured the same way:
//
// - Each measurement is a fresh process (bench/child.ts, bench/child.py) that imports its library, loads its input
//   data, then runs the operation 1 + W times. **cold** is the first run: whatever the library starts lazily
//   (worker threads, wasm, lazy imports, connections) is inside it. **warm** is each of the W later runs. W is one
//   number for all sides.
// - Implementations are interleaved round by round (the order rotating each round), so drift in the machine's
//   state spreads over all of them instead of landing on one.
// - The 1-minute load average is read as each process starts, after waiting (a bounded while) for the load left by
//   the previous process to decay; a figure taken at load ≥ NOISY is published marked "noisy".
// - Memory: the process's whole peak RSS, and the peak above its baseline (RSS once libraries and data are loaded),
//   by resetting the kernel's high-water mark at the baseline (/proc/self/clear_refs).
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";

/** A 1-minute load average at or above this marks a figure noisy (the machine has 2 cores). */
export const NOISY = 1.5;
/** Before starting a process, wait up to SETTLE_MS for the load average to fall below SETTLE_BELOW. */
const SETTLE_BELOW = 1.2;
const SETTLE_MS = 60_000;

/** Times of one operation in one process. */
export interface OpTimes {
  cold: number;
  warm: number[];
}

/** What a measuring process prints as its last line of output (bench/child.ts, bench/child.py). */
export interface ChildReport {
  ops: Record<string, OpTimes>;
  /** Seconds to import the library under test (its top-level imports, not what it loads lazily). */
  importSeconds: number;
  /** Peak RSS of the whole process, KiB. */
  peakKb: number;
  /** RSS with libraries imported and input data loaded, before the first run, KiB. */
  baselineKb: number;
  /** The high-water mark of RSS from the baseline on (reset there), KiB. */
  runPeakKb: number;
  [extra: string]: unknown;
}

/** A child's report and the load average when it started. */
export interface Measurement extends ChildReport {
  load: number;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Waits (bounded) for the load of earlier processes to decay, then returns the 1-minute load average. */
export function settle(): number {
  const until = Date.now() + SETTLE_MS;
  while ((loadavg()[0] ?? 0) >= SETTLE_BELOW && Date.now() < until) sleep(2000);
  return loadavg()[0] ?? 0;
}

/** Runs one measuring process and returns its report with the load average at its start. */
export function measure(cmd: string, argv: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Measurement {
  const load = settle();
  const out = execFileSync(cmd, argv, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
    // A measurement that hangs fails the run loudly instead of stalling it.
    timeout: 20 * 60_000,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
  });
  const line = out.trim().split("\n").pop() ?? "";
  return { ...(JSON.parse(line) as ChildReport), load };
}

/** Calls `fn` for every implementation in every round, the order rotating by one each round. */
export function interleave<T>(rounds: number, impls: readonly T[], fn: (impl: T, round: number) => void): void {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < impls.length; k++) fn(impls[(k + r) % impls.length] as T, r);
  }
}

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  if (xs.length === 0) throw new Error("no figures to summarise");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
  return { n: s.length, median, min: s[0] as number, max: s[s.length - 1] as number };
}

/** Cold and warm figures of one operation over several processes. */
export function opStats(
  runs: readonly Measurement[],
  op: string,
): { cold: Stats; warm: Stats | undefined; load: Stats } {
  const times = runs.map((r) => {
    const t = r.ops[op];
    if (t === undefined) throw new Error(`a measurement has no figures for ${op}`);
    return t;
  });
  return {
    cold: stats(times.map((t) => t.cold)),
    warm: times[0]?.warm.length === 0 ? undefined : stats(times.flatMap((t) => t.warm)),
    load: stats(runs.map((r) => r.load)),
  };
}

const seconds = (s: number, unit: "s" | "ms") => (unit === "s" ? s.toFixed(2) : (s * 1000).toFixed(1));

/** "1.37 s (1.30–1.45)": median and the range, in one unit chosen by the median. */
export function timeCell(s: Stats | undefined): string {
  if (s === undefined) return "–";
  const unit = s.median >= 1 ? "s" : "ms";
  return `${seconds(s.median, unit)} ${unit} (${seconds(s.min, unit)}–${seconds(s.max, unit)})`;
}

/** "0.41–0.93", with "noisy" when any process started at a load of NOISY or more. */
export function loadCell(s: Stats): string {
  return `${s.min.toFixed(2)}–${s.max.toFixed(2)}${s.max >= NOISY ? " noisy" : ""}`;
}

/** The n column: processes × (cold + warm runs each). */
export const nCell = (processes: number, warm: number) => `${processes} × (1 + ${warm})`;

/** Their median over ours: above 1 means flyte-types is faster. */
export const ratioCell = (theirs: Stats | undefined, ours: Stats | undefined) =>
  theirs === undefined || ours === undefined ? "–" : `${(theirs.median / ours.median).toFixed(2)}×`;

export const mbCell = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** Peak RSS of the whole process and above its loaded baseline (the largest over the processes). */
export function memoryCells(runs: readonly Measurement[]): [string, string] {
  return [
    mbCell(Math.max(...runs.map((r) => r.peakKb))),
    mbCell(Math.max(...runs.map((r) => r.runPeakKb - r.baselineKb))),
  ];
}

export const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
export const header = (cells: readonly string[]) => `${row(cells)}\n${row(cells.map(() => "---"))}`;
