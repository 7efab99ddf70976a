#!/usr/bin/env node
// The flyte-types command line: `flyte-types inspect <file> [--as literal|literal-map|literal-type]`.
import { readFileSync } from "node:fs";
import { FlyteTypeError } from "../errors/flyte-type-error.js";
import { INSPECT_KINDS, type Inspection, type InspectKind, inspectBytes } from "../literal/inspect.js";
import { runDemo } from "./demo.js";

const USAGE = `usage: flyte-types inspect <file>... [--as ${Object.keys(INSPECT_KINDS).join("|")}]
       flyte-types demo [<dir>]

inspect  decodes Flyte Literal, LiteralMap (inputs.pb, outputs.pb) or LiteralType files and prints them as JSON
         (one file: indented; several: one line per file)
demo     converts typed values to a LiteralMap, writes <dir>/inputs.pb (default .flyte-data/demo) and reads it back`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "demo" && rest.length <= 1) {
    return (await runDemo(rest[0] ?? ".flyte-data/demo", (line) => process.stdout.write(`${line}\n`))) ? 0 : 1;
  }
  if (command !== "inspect" || rest.length === 0 || rest.includes("--help")) {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || rest.includes("--help") ? 0 : 2;
  }
  const files: string[] = [];
  let kind: InspectKind | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === "--as") {
      const k = rest[++i];
      if (k === undefined || !(k in INSPECT_KINDS)) {
        process.stderr.write(`flyte-types: --as takes one of ${Object.keys(INSPECT_KINDS).join(", ")}\n`);
        return 2;
      }
      kind = k as InspectKind;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // One file: its JSON, indented. Several: one compact line per file, {"file", "type", "value"}.
  let status = 0;
  for (const file of files) {
    const r = inspectFile(file, kind);
    if (r === undefined) {
      status = 1;
      continue;
    }
    const out =
      files.length === 1 ? JSON.stringify(r.json, null, 2) : JSON.stringify({ file, type: r.typeName, value: r.json });
    process.stdout.write(`${out}\n`);
  }
  return status;
}

/** Reads and inspects one file, saying what it is on stderr; undefined (with the reason on stderr) on failure. */
function inspectFile(file: string, kind: InspectKind | undefined): Inspection | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`flyte-types: cannot read ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
  try {
    const r = inspectBytes(bytes, kind);
    const note = r.unknownFields > 0 ? `, ${r.unknownFields} unknown field(s) kept` : "";
    process.stderr.write(`${file}: ${r.typeName} (${bytes.byteLength} bytes${note})\n`);
    return r;
  } catch (e) {
    if (!(e instanceof FlyteTypeError)) throw e;
    process.stderr.write(`flyte-types: ${file}: ${e.message}\n`);
    return undefined;
  }
}

process.exitCode = await main(process.argv.slice(2));
