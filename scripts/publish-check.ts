// Run by `npm publish` (prepublishOnly), never by an install: refuses to publish a package a user could not trace
// back to its source. repository, homepage and bugs must be set to real https addresses; they are not filled in
// here, because the project has no public address yet, and an invented one would send users nowhere.
// usage: tsx scripts/publish-check.ts [package.json]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const file = resolve(process.argv[2] ?? new URL("../package.json", import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

/** The URL a package.json field holds, whether written as a string or as `{ url }`. */
function urlOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { url?: unknown }).url === "string") {
    return (value as { url: string }).url;
  }
  return undefined;
}

const problems: string[] = [];
for (const field of ["repository", "homepage", "bugs"]) {
  const url = urlOf(pkg[field]);
  const https = url?.replace(/^git\+/, "");
  if (https === undefined || !/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(https)) {
    problems.push(`${field}: expected an https address, got ${url === undefined ? "nothing" : JSON.stringify(url)}`);
  }
}
for (const entry of ["dist/esm/index.js", "dist/src/index.d.ts"]) {
  if (!existsSync(join(dirname(file), entry))) problems.push(`${entry} is missing: run npm run build`);
}
if (problems.length > 0) {
  console.error(`not publishing ${String(pkg.name)}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`${String(pkg.name)} ${String(pkg.version)} may be published`);
