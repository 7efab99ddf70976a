// What a CLI command is: its synopsis for the usage text, and a run function that writes through the given streams
// and returns the exit code. Commands never call process.exit, so they can be run in tests and chained.

/** Where a command writes: its result to `out`, progress and errors to `err` (one line per call). */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  /** Arguments after the command's name, as the usage text shows them (`<file>... [--as KIND]`). */
  readonly args: string;
  /** What it does, wrapped at about 100 columns for the usage text. */
  readonly summary: string;
  /** Runs the command; resolves to the process exit code (0 done, 1 failed, 2 bad usage). */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

/** Exit codes the commands share. */
export const Exit = { ok: 0, failed: 1, usage: 2 } as const;
