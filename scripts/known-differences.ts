// test/interop/KNOWN_DIFFERENCES.md as data: the interop suites judge against its rows, and the README's table of
// deliberate differences is generated from them (`npm run docs:differences`), so the two cannot drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface KnownDifference {
  /** `flytekit`, `flyte2` or `*`. */
  readonly sdk: string;
  /** A case name, or a prefix ending in `*`. */
  readonly case: string;
  /** `read`, `type`, `bytes`, `write` or `inspect`. */
  readonly check: string;
  readonly reason: string;
}

const root = new URL("..", import.meta.url).pathname;
export const KNOWN_DIFFERENCES = join(root, "test/interop/KNOWN_DIFFERENCES.md");
const README = join(root, "README.md");
const START =
  "<!-- known-differences: generated from test/interop/KNOWN_DIFFERENCES.md by npm run docs:differences -->";
const END = "<!-- /known-differences -->";

/** The rows of the file's table (header and rule lines skipped). */
export function parseKnownDifferences(text: string): KnownDifference[] {
  return text
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l) && !/^\|\s*sdk\s*\|/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((x) => x.trim()),
    )
    .map(([sdk = "", name = "", check = "", reason = ""]) => ({ sdk, case: name, check, reason }));
}

export const knownDifferences = (): KnownDifference[] => parseKnownDifferences(readFileSync(KNOWN_DIFFERENCES, "utf8"));

/** The first sentence of a reason: the README's table is short; the file has the whole argument. */
const firstSentence = (s: string): string => /^.*?[.:](?=\s|$)/.exec(s)?.[0] ?? s;

/** The README's table: one row per row of the file, with the first sentence of its reason. */
export function differencesTable(rows: readonly KnownDifference[]): string {
  const sdkName: Readonly<Record<string, string>> = { flytekit: "flytekit 1.16", flyte2: "Flyte 2", "*": "both" };
  const lines = rows.map(
    (r) =>
      `| ${sdkName[r.sdk] ?? r.sdk} | \`${r.case}\` | ${r.check} | ${firstSentence(r.reason).replaceAll("|", "\\|")} |`,
  );
  return ["| SDK | cases | check | why |", "| --- | --- | --- | --- |", ...lines].join("\n");
}

/** The README with its generated section replaced; throws when the markers are missing. */
export function readmeWithTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, start)}${START}\n\n${table}\n\n${readme.slice(end)}`;
}

export const currentReadme = (): string => readFileSync(README, "utf8");

// As a script: rewrite the README's section.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  writeFileSync(README, readmeWithTable(currentReadme(), differencesTable(knownDifferences())));
}
