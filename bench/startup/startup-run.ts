// Start-up: a cold `import("flyte-types")` (the built package, by its name) beside `import("zod")`, which it
// needs, each in fresh processes, interleaved (bench/method.ts). Returns a RESULTS.md section.
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
  timeCell,
} from "../method.js";

const MODULES = ["zod", "flyte-types"] as const;

export function startupBench(o: { root: string; processes: number; log: (s: string) => void }): string {
  const runs = new Map<string, Measurement[]>();
  interleave(o.processes, MODULES, (m, r) => {
    if (r === 0 && m === MODULES[0]) o.log(`startup: ${o.processes} fresh processes each for ${MODULES.join(", ")}`);
    runs.set(m, [...(runs.get(m) ?? []), measure("node", ["bench/out/js/bench/startup/startup-child.js", m], o.root)]);
  });
  const zod = opStats(runs.get("zod") ?? [], "import");
  const lines = MODULES.map((m) => {
    const s = opStats(runs.get(m) ?? [], "import");
    return row([
      `import("${m}")`,
      nCell(s.cold.n, 0),
      timeCell(s.cold),
      m === "zod" ? "" : ratioCell(s.cold, zod.cold),
      ...memoryCells(runs.get(m) ?? []),
      loadCell(s.load),
    ]);
  });
  return `## Start-up: importing the package

**Method.** A fresh \`node\` process per import, nothing loaded before it but node and the measuring script;
\`import("flyte-types")\` loads the built package by its name (dist/esm/, bundled), as a user's program does;
\`import("zod")\` is the floor, since the package needs zod. ${o.processes} processes each, interleaved. The cell
is median (min–max); "× zod" is the median over zod's. Peak RSS is the process's; "above baseline" the growth
from the import.

${header(["implementation", "n", "import", "× zod", "peak RSS", "above baseline", "load"])}
${lines.join("\n")}
`;
}
