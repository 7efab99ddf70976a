// One codec case through flyte-types in a process of its own (bench/method.ts): encode = values → LiteralMap →
// bytes through a task interface's toInputs, decode = bytes → LiteralMap → values through fromInputs, as at a task
// boundary. usage: node bench/codec/codec-ts.js <case> <warm runs>
import { Child, timedImport } from "../child.js";

const [name, warmArg = "3"] = process.argv.slice(2);
const { module, importSeconds } = await timedImport(async () => ({
  lib: await import("flyte-types"),
  model: await import("flyte-types/model"),
  cases: await import("./codec-cases.js"),
}));
const { lib, model, cases } = module;
const c = cases.CASES.find((x) => x.name === name);
if (c === undefined) throw new Error(`unknown case ${name}`);
// The interface is made once, as a task declares it; Python's type hints are likewise given up front.
const io = lib.createTypeEngine().interface({ inputs: c.inputs, outputs: {} });
const values = c.values();
const child = new Child(importSeconds, Number(warmArg));
child.baseline();
let bytes: Uint8Array = new Uint8Array();
for (let r = 0; r <= child.warmRuns; r++) {
  await child.time("encode", async () => {
    bytes = model.encodeLiteralMap(await io.toInputs(values));
  });
  await child.time("decode", async () => {
    const back = await io.fromInputs(model.decodeLiteralMap(bytes));
    if (Object.keys(back).length !== Object.keys(values).length) throw new Error("lost inputs");
  });
}
child.report({ bytes: bytes.byteLength });
