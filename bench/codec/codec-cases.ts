// The benchmark cases on the TypeScript side; bench/codec/codec_cases.py builds the same values for the Python SDKs.
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
  {
    name: "records-100k",
    what: "LiteralMap holding a list of 100k records (int, float, str, bool, list of 3 ints)",
    inputs: {
      rs: z.array(
        z
          .object({ i: z.int(), f: z.number(), s: z.string(), b: z.boolean(), l: z.array(z.int()) })
          .meta({ title: "Rec" }),
      ),
    },
    values: () => ({
      rs: Array.from({ length: 100_000 }, (_, i) => ({
        i,
        f: i + 0.5,
        s: `s${i}`,
        b: i % 2 === 0,
        l: [i, i + 1, i + 2],
      })),
    }),
  },
];
