// Checks a RESULTS.md for the invariants of the method in bench/method.ts, so that a hand edit or a half-finished
// run cannot publish a comparison that is not one. `npm test` runs it on the committed file
// (test/bench/check-results.test.ts); `node bench/out/js/bench/check-results.js [file]` runs it by hand.
//
// - Every section with a measurement table states its method in a paragraph starting "**Method.**".
// - A measurement table (one with a time column: cold, warm, write, read, import) has an n and a load column.
// - Rows compared with each other (the same cells before the implementation column) have the same n.
// - Every time cell is "median unit (min–max)" with min ≤ median ≤ max; n reads "P × (1 + W)".
// - Every load cell is "min–max", and says "noisy" exactly when its max is at or above NOISY.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { NOISY } from "./method.js";

const TIME_COLUMNS = new Set(["cold", "warm", "write", "read", "import"]);
const TIME = /^(\d+(?:\.\d+)?) (s|ms) \((\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)\)$/;
const LOAD = /^(\d+\.\d+)–(\d+\.\d+)( noisy)?$/;
const N = /^(\d+) × \(1 \+ (\d+)\)$/;

export interface Table {
  section: string;
  header: string[];
  rows: string[][];
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

export function tables(text: string): { tables: Table[]; methods: Map<string, boolean> } {
  const out: Table[] = [];
  const methods = new Map<string, boolean>();
  let section = "(preamble)";
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^#{2,3} /.test(line)) section = line.replace(/^#+ /, "");
    if (line.startsWith("**Method.**")) methods.set(section, true);
    const next = lines[i + 1] ?? "";
    if (line.startsWith("|") && /^\|\s*-{3}/.test(next)) {
      const t: Table = { section, header: cells(line), rows: [] };
      for (i += 2; i < lines.length && (lines[i] as string).startsWith("|"); i++)
        t.rows.push(cells(lines[i] as string));
      i--;
      out.push(t);
    }
  }
  return { tables: out, methods };
}

/** The problems found in a RESULTS.md text; none means it keeps the method's invariants. */
export function checkResults(text: string): string[] {
  const problems: string[] = [];
  if (!text.startsWith("# Benchmark results")) problems.push('the file does not start with "# Benchmark results"');
  const { tables: found, methods } = tables(text);
  let measured = 0;
  for (const t of found) {
    const col = (name: string) => t.header.indexOf(name);
    const times = t.header.map((h, k) => (TIME_COLUMNS.has(h) ? k : -1)).filter((k) => k >= 0);
    if (times.length === 0) continue;
    measured++;
    const where = (r: number, what: string) => `${t.section}, row ${r + 1}: ${what}`;
    if (!methods.get(t.section)) problems.push(`${t.section}: a measurement table without a "**Method.**" paragraph`);
    const n = col("n");
    const load = col("load");
    const impl = col("implementation");
    if (n < 0 || load < 0 || impl < 0) {
      problems.push(`${t.section}: a measurement table needs the columns implementation, n and load`);
      continue;
    }
    const groups = new Map<string, string>();
    t.rows.forEach((r, k) => {
      if (r.length !== t.header.length) problems.push(where(k, `${r.length} cells under ${t.header.length} columns`));
      const nCell = r[n] ?? "";
      const nm = N.exec(nCell);
      if (nm === null) problems.push(where(k, `n is "${nCell}", not "P × (1 + W)"`));
      const group = r.slice(0, impl).join(" | ");
      const seen = groups.get(group);
      if (seen === undefined) groups.set(group, nCell);
      else if (seen !== nCell) problems.push(where(k, `n is ${nCell} where the rows it is compared with have ${seen}`));
      for (const c of times) {
        const cell = r[c] ?? "";
        const warmless = nm !== null && nm[2] === "0" && t.header[c] === "warm";
        if (cell === "–" && warmless) continue;
        const m = TIME.exec(cell);
        if (m === null) {
          problems.push(where(k, `${t.header[c]} is "${cell}", not "median unit (min–max)"`));
          continue;
        }
        const [median, min, max] = [Number(m[1]), Number(m[3]), Number(m[4])];
        if (!(min <= median && median <= max))
          problems.push(where(k, `${t.header[c]} ${cell}: the median is outside its range`));
      }
      const lm = LOAD.exec(r[load] ?? "");
      if (lm === null) problems.push(where(k, `load is "${r[load]}", not "min–max"`));
      else {
        const [min, max, noisy] = [Number(lm[1]), Number(lm[2]), lm[3] !== undefined];
        if (min > max) problems.push(where(k, `load ${r[load]}: min above max`));
        if (max >= NOISY && !noisy) problems.push(where(k, `load reached ${max} but the row is not marked noisy`));
        if (max < NOISY && noisy) problems.push(where(k, `marked noisy at a load of ${max}`));
      }
    });
  }
  if (measured === 0) problems.push("no measurement tables");
  return problems;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? new URL("../../../RESULTS.md", import.meta.url).pathname;
  const problems = checkResults(readFileSync(file, "utf8"));
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}
