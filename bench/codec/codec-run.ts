// Literals at a task boundary: every codec case through flyte-types, flytekit and Flyte 2, interleaved, one process
// per measurement (bench/method.ts). Returns a RESULTS.md section.
import {
  header,
  interleave,
  loadCell,
  type Measurement,
  measure,
  memoryCells,
  nCell,
  opStats,
  ratioCell,
  row,
  stats,
  timeCell,
} from "../method.js";
import { CASES } from "./codec-cases.js";

const IMPLS = ["flyte-types", "flytekit", "flyte2"] as const;
type Impl = (typeof IMPLS)[number];
const LABEL: Record<Impl, string> = { "flyte-types": "flyte-types", flytekit: "flytekit", flyte2: "Flyte 2" };

export interface CodecOptions {
  root: string;
  python: string;
  processes: number;
  warm: number;
  only?: string | undefined;
  log: (s: string) => void;
}

export function codecBench(o: CodecOptions): string {
  const cases = CASES.filter((c) => o.only === undefined || o.only === c.name);
  const runs = new Map<string, Measurement[]>();
  const key = (c: string, impl: Impl) => `${c}/${impl}`;
  for (const c of cases) {
    interleave(o.processes, IMPLS, (impl, round) => {
      o.log(`codec ${c.name} ${impl} process ${round + 1}/${o.processes}`);
      const [cmd, argv] =
        impl === "flyte-types"
          ? ["node", ["--expose-gc", "bench/out/js/bench/codec/codec-ts.js", c.name, String(o.warm)]]
          : [o.python, ["bench/codec/codec_py.py", impl, c.name, String(o.warm)]];
      const m = measure(cmd, argv as string[], o.root);
      runs.set(key(c.name, impl), [...(runs.get(key(c.name, impl)) ?? []), m]);
    });
  }
  const of = (c: string, impl: Impl) => runs.get(key(c, impl)) ?? [];
  const times: string[] = [];
  const memory: string[] = [];
  for (const c of cases) {
    for (const op of ["encode", "decode"]) {
      const ours = opStats(of(c.name, "flyte-types"), op);
      for (const impl of IMPLS) {
        const s = opStats(of(c.name, impl), op);
        const mine = impl === "flyte-types";
        times.push(
          row([
            c.what,
            op,
            LABEL[impl],
            nCell(s.cold.n, (s.warm?.n ?? 0) / s.cold.n),
            timeCell(s.cold),
            timeCell(s.warm),
            mine ? "" : ratioCell(s.cold, ours.cold),
            mine ? "" : ratioCell(s.warm, ours.warm),
            loadCell(s.load),
          ]),
        );
      }
    }
    for (const impl of IMPLS) {
      const ms = of(c.name, impl);
      memory.push(row([c.what, LABEL[impl], String(ms[0]?.bytes ?? "–"), ...memoryCells(ms)]));
    }
  }
  const imports = IMPLS.map((impl) => {
    const ms = cases.flatMap((c) => of(c.name, impl));
    const s = stats(ms.map((m) => m.importSeconds));
    return row([LABEL[impl], nCell(s.n, 0), timeCell(s), loadCell(stats(ms.map((m) => m.load)))]);
  });

  return `## Literals at a task boundary

**Method.** Each side converts the same values through its own task-boundary call. flyte-types (the built
package on plain \`node\`): \`engine.interface({ inputs }).toInputs(values)\` then \`encodeLiteralMap\` (encode),
\`decodeLiteralMap\` then \`fromInputs\` (decode). flytekit: \`TypeEngine.dict_to_literal_map\` then
\`SerializeToString\` (encode), \`ParseFromString\` then \`TypeEngine.literal_map_to_kwargs\` (decode); both run
\`async_to_literal\` / \`async_to_python_value\` per value, as a task does. Flyte 2: \`TypeEngine.dict_to_literal_map\`
and \`TypeEngine.literal_map_to_kwargs\` under \`asyncio.run\`. Records are zod objects, flytekit dataclasses and Flyte 2
pydantic models. **Data:** built in each process before the clock and before the memory baseline. **Clock:** ${o.processes}
processes per implementation, interleaved; each runs encode then decode ${o.warm + 1} times, every timed section
from a collected heap. **cold** is the first run in the process (lazy starts included), **warm** every later run;
cells are median (min–max), n is processes × (cold + warm runs). "× ours" is their median over ours (above 1:
flyte-types is faster). **load** is the 1-minute load average as each process started (2 cores; "noisy" at 1.5 or
more).

${header(["case", "op", "implementation", "n", "cold", "warm", "× ours cold", "× ours warm", "load"])}
${times.join("\n")}

Bytes written, peak RSS of the whole process, and the peak above the baseline (values built, libraries loaded):

${header(["case", "implementation", "bytes", "peak RSS", "above baseline"])}
${memory.join("\n")}

Importing the library (flyte-types: \`import("flyte-types")\`, \`import("flyte-types/model")\` for the bytes, and the
case module, which loads zod; Python: the SDK's modules and the case module, which loads pydantic), over every
process above:

${header(["implementation", "n", "import", "load"])}
${imports.join("\n")}
`;
}
