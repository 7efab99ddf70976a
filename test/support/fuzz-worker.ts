// The fuzz sandbox's worker: runs one input at a time against a target and answers with the outcome. It runs
// with a capped JS heap, and the main thread ends it when an input takes too long.
import { parentPort, workerData } from "node:worker_threads";
import { makeTargets, outcome, SELF_TESTS } from "./fuzz-targets.js";

const port = parentPort as NonNullable<typeof parentPort>;
const targets = await makeTargets((workerData as { work: string }).work);
const runs = { ...Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.run])), ...SELF_TESTS };

port.on("message", async (m: { target: string; bytes: Uint8Array }) => {
  const run = runs[m.target];
  const problem = run === undefined ? `no fuzz target ${m.target}` : await outcome(run, m.bytes);
  port.postMessage({ t: "result", problem });
});
port.postMessage({ t: "ready", seeds: Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.seeds])) });
