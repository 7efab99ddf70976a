#!/usr/bin/env node
// The flyte-types command line: looks the command up in the command table and runs it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandIO, Exit } from "./command.js";
import { COMMANDS, isCommandName, usage } from "./commands.js";

const io: CommandIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The package's version, from the nearest package.json above this file (dist/ or the sources alike). */
function version(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  }
  return "unknown";
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return Exit.ok;
  }
  if (name === "--version") {
    io.out(version());
    return Exit.ok;
  }
  if (name === undefined || !isCommandName(name)) {
    if (name !== undefined) io.err(`flyte-types: unknown command ${JSON.stringify(name)}`);
    io.err(usage());
    return Exit.usage;
  }
  const command = COMMANDS[name];
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`usage: flyte-types ${name} ${command.args}\n\n${command.summary}`);
    return Exit.ok;
  }
  return command.run(rest, io);
}

process.exitCode = await main(process.argv.slice(2));
