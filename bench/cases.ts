// The benchmark cases on the TypeScript side; bench/cases.py builds the same values for the Python SDKs.
import { z } from "zod";

export interface BenchCase {
  readonly name: string;
  readonly what: string;
  readonly inputs: Record<string, z.ZodType>;
  readonly values: () => Record<string, unknown>;
}

export const CASES: readonly BenchCase[] = [
  {
    name: "int-list-1m",
    what: "LiteralMap holding a list of 1M integers",
    inputs: { xs: z.array(z.int()) },
    values: () => ({ xs: Array.from({ length: 1_000_000 }, (_, i) => i) }),
  },
  {
    name: "str-map-100k",
    what: "LiteralMap holding a 100k-entry string map",
    inputs: { m: z.record(z.string(), z.string()) },
    values: () => ({ m: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`key${i}`, `value${i}`])) }),
  },
];
