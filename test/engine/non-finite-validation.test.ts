// NaN and ±Infinity travel in FLOAT fields even where zod checks the value (a record with a default, a refinement),
// though zod's own z.number() refuses them; the user's checks still run, on the real values.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, ErrorCode } from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const engine = createTypeEngine();
const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const roundTrip = async (value: unknown, schema: z.ZodType) =>
  engine.toValue(await engine.toLiteral(value as never, schema), schema);

describe("non-finite floats in records zod validates", () => {
  const Rec = z
    .object({
      f: z.number(),
      u: z.union([z.number(), z.string()]),
      o: z.number().nullable(),
      l: z.array(z.number()),
      m: z.record(z.string(), z.number()),
      n: z.int().default(1),
    })
    .meta({ title: "Rec" });

  it.each(NON_FINITE)("%s travels both ways, in fields, unions, lists and maps", async (x) => {
    const value = { f: x, u: x, o: x, l: [1, x], m: { k: x }, n: 2 };
    expect(await roundTrip(value, Rec)).toEqual(value);
    expect(await roundTrip(value, dataclass(Rec))).toEqual(value);
  });

  it("leaves the defaults to zod", async () => {
    expect(await roundTrip({ f: Number.NaN, u: "s", o: null, l: [], m: {} }, Rec)).toEqual({
      f: Number.NaN,
      u: "s",
      o: null,
      l: [],
      m: {},
      n: 1,
    });
  });

  it("still runs the field's own checks, on the real value", async () => {
    const R = z.object({
      f: z.number().max(10),
      g: z.number().refine((v) => !Number.isNaN(v), "no NaN here"),
      n: z.int().default(1),
    });
    expect(await roundTrip({ f: Number.NEGATIVE_INFINITY, g: Number.POSITIVE_INFINITY }, R)).toEqual({
      f: Number.NEGATIVE_INFINITY,
      g: Number.POSITIVE_INFINITY,
      n: 1,
    });
    const e = await rejection(engine.toLiteral({ f: Number.POSITIVE_INFINITY, g: Number.NaN }, R));
    expect(e.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      [ErrorCode.validationFailed, "value.f", expect.stringContaining("<=10")],
      [ErrorCode.validationFailed, "value.g", "no NaN here"],
    ]);
  });

  it("still runs the record's own refinements", async () => {
    const R = z
      .object({ f: z.number(), n: z.int().default(1) })
      .refine((o) => o.n > 0, { message: "n must be positive", path: ["n"] });
    expect(await roundTrip({ f: Number.NaN, n: 3 }, R)).toEqual({ f: Number.NaN, n: 3 });
    const e = await rejection(engine.toLiteral({ f: Number.POSITIVE_INFINITY, n: 0 }, R));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([["value.n", "n must be positive"]]);
  });

  it("refuses a non-finite number where the schema asks for an integer", async () => {
    const R = z.object({ i: z.int(), n: z.int().default(1) });
    const e = await rejection(engine.toLiteral({ i: Number.POSITIVE_INFINITY }, R));
    expect([e.code, e.path]).toEqual([ErrorCode.typeMismatch, "value.i"]);
  });
});
