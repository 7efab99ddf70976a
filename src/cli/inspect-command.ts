// `flyte-types inspect <file>... [--as KIND]`: decodes Literal, LiteralMap or LiteralType files and prints JSON.
import { readFileSync } from "node:fs";
import { isFlyteTypeError } from "../errors/flyte-type-error.js";
import { INSPECT_KINDS, type Inspection, type InspectKind, inspectBytes } from "../literal/inspect.js";
import { type Command, type CommandIO, Exit } from "./command.js";

const kinds = Object.keys(INSPECT_KINDS) as InspectKind[];

export const inspectCommand: Command = {
  args: `<file>... [--as ${kinds.join("|")}]`,
  summary:
    "decodes Flyte Literal, LiteralMap (inputs.pb, outputs.pb) or LiteralType files and prints them as JSON\n" +
    "(one file: indented; several: one line per file)",
  async run(args, io) {
    const files: string[] = [];
    let kind: InspectKind | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg !== "--as") {
        files.push(arg);
        continue;
      }
      const k = args[++i];
      if (k === undefined || !(kinds as string[]).includes(k)) {
        io.err(`flyte-types: --as takes one of ${kinds.join(", ")}`);
        return Exit.usage;
      }
      kind = k as InspectKind;
    }
    if (files.length === 0) {
      io.err("flyte-types inspect: name at least one file");
      return Exit.usage;
    }
    // One file: its JSON, indented. Several: one compact line per file, {"file", "type", "value"}.
    let status: number = Exit.ok;
    for (const file of files) {
      const r = inspectFile(file, kind, io);
      if (r === undefined) {
        status = Exit.failed;
        continue;
      }
      io.out(
        files.length === 1
          ? JSON.stringify(r.json, null, 2)
          : JSON.stringify({ file, type: r.typeName, value: r.json }),
      );
    }
    return status;
  },
};

/** Reads and inspects one file, saying what it is on stderr; undefined (with the reason on stderr) on failure. */
function inspectFile(file: string, kind: InspectKind | undefined, io: CommandIO): Inspection | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`flyte-types: cannot read ${file}: ${(e as Error).message}`);
    return undefined;
  }
  try {
    const r = inspectBytes(bytes, kind);
    const note = r.unknownFields > 0 ? `, ${r.unknownFields} unknown field(s) kept` : "";
    io.err(`${file}: ${r.typeName} (${bytes.byteLength} bytes${note})`);
    return r;
  } catch (e) {
    if (!isFlyteTypeError(e)) throw e;
    io.err(`flyte-types: ${file}: ${e.message}`);
    return undefined;
  }
}
