// One benchmark case through flyte-types, in its own process so peak RSS is its own.
// usage: tsx bench/codec/codec-ts.ts <case> <runs>   → one JSON line like bench/codec/codec_py.py prints.
import { createTypeEngine, decodeLiteralMap, encodeLiteralMap } from "../../src/index.js";
import { CASES } from "./codec-cases.js";

const [name, runsArg] = process.argv.slice(2);
const c = CASES.find((x) => x.name === name);
if (c === undefined) throw new Error(`unknown case ${name}`);
const runs = Number(runsArg ?? 5);
const io = createTypeEngine().interface({ inputs: c.inputs, outputs: {} });
const values = c.values();
const enc: number[] = [];
const dec: number[] = [];
let bytes: Uint8Array = new Uint8Array();
// Each timed section starts from a collected heap, as Python's refcounting frees as it goes.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
for (let i = 0; i <= runs; i++) {
  gc();
  let t = performance.now();
  bytes = encodeLiteralMap(await io.toInputs(values));
  const e = (performance.now() - t) / 1000;
  gc();
  t = performance.now();
  const back = await io.fromInputs(decodeLiteralMap(bytes));
  const d = (performance.now() - t) / 1000;
  if (Object.keys(back).length !== Object.keys(values).length) throw new Error("lost inputs");
  // The first run warms the JIT and is not counted.
  if (i > 0) {
    enc.push(e);
    dec.push(d);
  }
}
process.stdout.write(
  `${JSON.stringify({ encode: enc, decode: dec, bytes: bytes.byteLength, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
