// The README's table of deliberate differences says what test/interop/KNOWN_DIFFERENCES.md says: it is generated
// from it (`npm run docs:differences`), and this test fails when one changes without the other.
import { describe, expect, it } from "vitest";
import { currentReadme, differencesTable, knownDifferences, readmeWithTable } from "../../scripts/known-differences.js";

/** Table cells without the padding a formatter adds. */
const cells = (text: string): string[][] =>
  text
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );

describe("README", () => {
  it("lists every known difference, as generated from KNOWN_DIFFERENCES.md", () => {
    const rows = knownDifferences();
    expect(rows.length).toBeGreaterThan(0);
    const readme = currentReadme();
    const expected = readmeWithTable(readme, differencesTable(rows));
    const section = (t: string) => t.slice(t.indexOf("<!-- known-differences"), t.indexOf("<!-- /known-differences"));
    expect(cells(section(readme))).toEqual(cells(section(expected)));
  });
});
