// Run by `npm publish` (prepublishOnly), never by an install: refuses to publish a package a user could not trace
// back to its source. repository, homepage and bugs must be set to real https addresses; they are not filled in
// here, because the project has no public address yet, and an invented one would send users nowhere.
// usage: tsx scripts/publish-check.ts [package.json]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const file = resolve(process.argv[2] ?? fileURLToPath(new URL("../package.json", import.meta.url)));

/** Stops with the reasons, on stderr and a non-zero exit. */
function refuse(name: string, problems: readonly string[]): never {
  console.error(`not publishing ${name}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}

let parsed: unknown;
try {
  parsed = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  refuse(file, [`cannot read it: ${(e as Error).message}`]);
}
if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
  refuse(file, ["expected a JSON object"]);
}
const pkg = parsed as Record<string, unknown>;

/** Why `url` is not a public https address, or undefined when it is one. */
function notHttps(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.replace(/^git\+/, ""));
  } catch {
    return "not a URL";
  }
  if (u.protocol !== "https:") return `a ${u.protocol} address`;
  if (u.username !== "" || u.password !== "") return "an address with credentials in it";
  if (!u.hostname.includes(".")) return "no public host name";
  return undefined;
}

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
  const why = url === undefined ? "nothing" : notHttps(url);
  if (why !== undefined) {
    const got = url === undefined ? why : `${JSON.stringify(url)} (${why})`;
    problems.push(`${field}: expected an https address, got ${got}`);
  }
}
for (const entry of ["dist/esm/index.js", "dist/src/index.d.ts"]) {
  if (!existsSync(join(dirname(file), entry))) problems.push(`${entry} is missing: run npm run build`);
}
if (problems.length > 0) refuse(String(pkg.name), problems);
console.log(`${String(pkg.name)} ${String(pkg.version)} may be published`);
