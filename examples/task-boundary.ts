// A task boundary on local storage, as Flyte runs a task: it reads inputs.pb, works, and writes outputs.pb, which
// the next task (in TypeScript or Python) reads. Run: npx tsx examples/task-boundary.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createTypeEngine } from "flyte-types";
import { decodeLiteralMap, encodeLiteralMap } from "flyte-types/model";
import { z } from "zod";

// Local storage under ./raw: no server needed.
const engine = createTypeEngine({ storage: { rawOutputPrefix: "./raw" } });
const wordCount = engine.interface({
  inputs: { text: z.string(), minLength: z.int().min(1).default(1) },
  outputs: { counts: z.record(z.string(), z.int()), longest: z.string().nullable() },
});

// What Flyte hands the task. Here the caller's side of the same interface writes it.
mkdirSync("task", { recursive: true });
writeFileSync("task/inputs.pb", encodeLiteralMap(await wordCount.toInputs({ text: "to be or not to be" })));

// The task: typed inputs in, typed outputs out.
const { text, minLength } = await wordCount.fromInputs(decodeLiteralMap(readFileSync("task/inputs.pb")));
const counts: Record<string, number> = {};
for (const word of text.split(/\s+/).filter((w) => w.length >= minLength)) counts[word] = (counts[word] ?? 0) + 1;
const longest = Object.keys(counts).sort((a, b) => b.length - a.length)[0] ?? null;
writeFileSync("task/outputs.pb", encodeLiteralMap(await wordCount.toOutputs({ counts, longest })));

// Downstream: what the next task reads from outputs.pb.
const outputs = await wordCount.fromOutputs(decodeLiteralMap(readFileSync("task/outputs.pb")));
console.log("inputs.pb → outputs.pb:", JSON.stringify(outputs));
if (outputs.counts.to !== 2 || outputs.longest !== "not") throw new Error("unexpected outputs");
