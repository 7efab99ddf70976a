// The committed bench/RESULTS.md keeps the method's invariants, and the checker catches each way of breaking them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkResults } from "../../bench/check-results.js";

const committed = readFileSync(new URL("../../bench/RESULTS.md", import.meta.url), "utf8");

const sample = `# Benchmark results

## Literals

**Method.** Both sides run the same thing.

| case | op | implementation | n | cold | warm | load |
|---|---|---|---|---|---|---|
| ints | encode | flyte-types | 3 × (1 + 2) | 572.3 ms (560.0–590.1) | 500.0 ms (490.0–510.0) | 0.41–0.93 |
| ints | encode | flytekit | 3 × (1 + 2) | 31.04 s (30.00–32.00) | 30.00 s (29.00–31.00) | 0.95–1.10 |
`;

describe("bench/RESULTS.md", () => {
  it("the committed results keep the method's invariants", () => {
    expect(checkResults(committed)).toEqual([]);
  });

  it("a well-formed sample passes", () => {
    expect(checkResults(sample)).toEqual([]);
  });

  it.each([
    [
      "sides with different n",
      sample.replace("| flytekit | 3 × (1 + 2)", "| flytekit | 3 × (1 + 3)"),
      "n is 3 × (1 + 3)",
    ],
    ["a missing load figure", sample.replace("| 0.95–1.10 |", "| |"), 'load is ""'],
    ["a load of 1.5 not marked noisy", sample.replace("0.95–1.10", "0.95–1.62"), "not marked noisy"],
    ["noisy at a low load", sample.replace("0.95–1.10", "0.95–1.10 noisy"), "marked noisy at"],
    ["a time without its spread", sample.replace("572.3 ms (560.0–590.1)", "572.3 ms"), 'not "median unit (min–max)"'],
    [
      "a median outside its range",
      sample.replace("572.3 ms (560.0–590.1)", "600.0 ms (560.0–590.1)"),
      "outside its range",
    ],
    ["no n column", sample.replace("| n |", "| runs |"), "needs the columns implementation, n and load"],
    [
      "no method paragraph",
      sample.replace("**Method.** Both sides run the same thing.", ""),
      'without a "**Method.**"',
    ],
    ["no tables at all", "# Benchmark results\n\nnothing measured\n", "no measurement tables"],
  ])("%s is a problem", (_what, text, problem) => {
    expect(checkResults(text).join("\n")).toContain(problem);
  });
});
