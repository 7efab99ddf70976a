// Which of the parent's Node options the Parquet workers get: those that load modules, nothing a worker refuses.
import { describe, expect, it } from "vitest";
import { workerExecArgv } from "../../src/adapters/parquet/worker-pool.js";

describe("workerExecArgv", () => {
  it("keeps loaders, conditions and experimental module flags with their values", () => {
    expect(
      workerExecArgv([
        "--import",
        "tsx",
        "--conditions=dev",
        "-C",
        "x",
        "--experimental-vm-modules",
        "--require=./r.cjs",
      ]),
    ).toEqual(["--import", "tsx", "--conditions=dev", "-C", "x", "--experimental-vm-modules", "--require=./r.cjs"]);
  });

  it("drops the parent's script options, with their values, and V8 and per-process flags", () => {
    expect(
      workerExecArgv([
        "--input-type=module",
        "-e",
        "console.log(1)",
        "--expose-gc",
        "--max-old-space-size=2048",
        "--title",
        "job",
        "--no-warnings",
        "--import=tsx",
      ]),
    ).toEqual(["--import=tsx"]);
  });
});
