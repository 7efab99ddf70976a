// The command table: every command the CLI has, by name. The usage text is made from it, so a command cannot be
// added without appearing there, and the compiler checks each entry is a whole Command.
import type { Command } from "./command.js";
import { demoCommand } from "./demo-command.js";
import { inspectCommand } from "./inspect-command.js";

export type CommandName = "inspect" | "demo";

export const COMMANDS: { readonly [N in CommandName]: Command } = {
  inspect: inspectCommand,
  demo: demoCommand,
};

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The usage text: one synopsis per command, then each command's summary. */
export function usage(): string {
  const entries = Object.entries(COMMANDS);
  const width = Math.max(...entries.map(([n]) => n.length));
  const synopses = entries.map(([n, c], i) => `${i === 0 ? "usage: " : "       "}flyte-types ${n} ${c.args}`);
  const summaries = entries.map(([n, c]) =>
    c.summary
      .split("\n")
      .map((line, i) => `${i === 0 ? n.padEnd(width) : " ".repeat(width)}  ${line}`)
      .join("\n"),
  );
  return [...synopses, "       flyte-types --help | --version", "", ...summaries].join("\n");
}
