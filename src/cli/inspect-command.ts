// `flyte-types inspect <file>... [--as KIND]`: decodes Literal, LiteralMap or LiteralType files and prints JSON.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ErrorCode, fail, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { INSPECT_KINDS, type Inspection, type InspectKind, inspectBytes } from "../literal/inspect.js";
import { type Command, type CommandIO, Exit } from "./command.js";

const kinds = Object.keys(INSPECT_KINDS) as InspectKind[];

/** The largest file inspect reads. Flyte offloads literals long before this; a bigger file is not one of them. */
export const MAX_INSPECT_BYTES = 512 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export const inspectCommand: Command = {
  args: `<file>... [--as ${kinds.join("|")}]`,
  summary:
    "decodes Flyte Literal, LiteralMap (inputs.pb, outputs.pb) or LiteralType files and prints them as JSON\n" +
    "(one file: indented; several: one line per file); files over 512 MiB are refused",
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

/**
 * Reads and inspects one file, saying what it is on stderr; undefined (with the reason on stderr, one line) on
 * failure. An error that is not a FlyteTypeError is a bug, but it still costs only this file.
 */
function inspectFile(file: string, kind: InspectKind | undefined, io: CommandIO): Inspection | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readCapped(file, MAX_INSPECT_BYTES);
  } catch (e) {
    io.err(`flyte-types: ${msg.cannotRead(file, (e as Error).message)}`);
    return undefined;
  }
  try {
    const r = inspectBytes(bytes, kind);
    const note = r.unknownFields > 0 ? `, ${r.unknownFields} unknown field(s) kept` : "";
    io.err(`${file}: ${r.typeName} (${bytes.byteLength} bytes${note})`);
    return r;
  } catch (e) {
    const line = isFlyteTypeError(e) ? `${file}: ${e.message}` : msg.internalError(file, String(e));
    io.err(`flyte-types: ${line.replaceAll("\n", " ")}`);
    return undefined;
  }
}

/**
 * The whole file, read in chunks so that one without end (/dev/zero, a pipe that never closes) is refused once it
 * passes `max` bytes instead of filling memory; a regular file that is larger is refused before reading.
 */
export function readCapped(file: string, max: number): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const stat = fstatSync(fd);
    const tooLarge = () =>
      fail(ErrorCode.outOfRange, msg.fileTooLarge(`${max / (1024 * 1024)} MiB`), {
        expected: `at most ${max} bytes`,
        received: "more",
      });
    if (stat.isFile() && stat.size > max) return tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file in one read (one byte more, to see it did not grow); the rest, and other files, by chunks.
    let size = stat.isFile() && stat.size > 0 ? stat.size + 1 : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      size = CHUNK;
      const n = readSync(fd, chunk, 0, chunk.byteLength, null);
      if (n === 0) break;
      total += n;
      if (total > max) return tooLarge();
      chunks.push(n === chunk.byteLength ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
