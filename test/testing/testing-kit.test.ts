// The public testing kit (flyte-types/testing) on the built-in types, random schemas and a user's own type.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, duration, lit, ltype, SimpleType, timestamp } from "../../src/index.js";
import {
  arbitraryOf,
  arbitrarySchema,
  assertRoundTrip,
  checkTransformer,
  difference,
  type TestableTransformer,
} from "../../src/testing/index.js";

const engine = createTypeEngine();

describe("arbitraryOf", () => {
  it("derives values zod accepts, honouring min, max, lengths and formats", () => {
    const schema = z.object({
      n: z.int().min(3).max(7),
      big: z.bigint().min(0n),
      x: z.number().gt(0).lt(1),
      s: z.string().min(2).max(4),
      id: z.uuid(),
      mail: z.email(),
      tag: z.enum(["a", "b"]),
      when: timestamp(),
      span: duration(),
      maybe: z.string().optional(),
      odd: z.int().refine((v) => v % 2 === 1),
    });
    fc.assert(fc.property(arbitraryOf(schema, { engine }), (v) => schema.safeParse(v).success));
  });

  it("gives up on a refinement that refuses every generated value instead of retrying forever", async () => {
    const rare = z.int().refine((v) => v === 123_456_789);
    expect(() => fc.sample(arbitraryOf(rare, { engine }), 1)).toThrow(/refused 1000 generated values in a row/);
    await expect(assertRoundTrip(engine, rare, { numRuns: 5 })).rejects.toThrow(/refused 1000 generated values/);
  });

  it("names a custom type that has no arbitrary", () => {
    class Point {}
    const e = createTypeEngine();
    e.register({
      name: "Point",
      type: Point,
      literalType: ltype.simple(SimpleType.STRING),
      toLiteral: () => lit.string("p"),
      toValue: () => new Point(),
    });
    expect(() => arbitraryOf(Point, { engine: e })).toThrow(/no arbitrary for the custom type "Point"/);
  });
});

describe("assertRoundTrip", () => {
  it("passes for the built-in kinds in records, lists, maps and unions", async () => {
    const schema = dataclass(
      z.object({
        i: z.int(),
        b: z.bigint(),
        f: z.number(),
        s: z.string(),
        on: z.boolean(),
        d: z.date(),
        t: timestamp(),
        span: duration(),
        list: z.array(z.union([z.int(), z.string()])),
        map: z.record(z.string(), z.number().nullable()),
        ints: z.record(z.int(), z.boolean()),
        any: z.unknown(),
        opt: z.enum(["x", "y"]).optional(),
      }),
    );
    await assertRoundTrip(engine, schema, { numRuns: 60 });
  });

  it("reports the smallest failing value and where it differs", async () => {
    // A transformer that loses the sign of negative numbers: the kit must catch it and say where.
    class Money {
      constructor(readonly cents: number) {}
    }
    const lossy: TestableTransformer<Money> = {
      name: "Money",
      type: Money,
      literalType: ltype.simple(SimpleType.INTEGER),
      toLiteral: (m) => lit.integer(BigInt(Math.abs(m.cents))),
      toValue: (l) =>
        new Money(
          Number(
            l.value.case === "scalar" ? (l.value.value.value.value as { value: { value: bigint } }).value.value : 0,
          ),
        ),
      arbitrary: (f) => f.integer({ min: -1000, max: 1000 }).map((c) => new Money(c)),
    };
    const e = createTypeEngine();
    e.register(lossy);
    const failure = await assertRoundTrip(e, Money, { numRuns: 200, seed: 7 }).then(
      () => undefined,
      (err: Error) => err.message,
    );
    // Shrunk to the smallest failing value: a cent below zero.
    expect(failure).toMatch(/for Money\(-1\)|"cents":-1/);
    expect(failure).toMatch(/a Money value that differs/);
    expect(failure).toMatch(/replay with \{ seed: 7, path: /);
  });

  it("runs on random schemas: every value of every generated schema round-trips", async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySchema({ engine, maxDepth: 3 }), async (schema) => {
        await assertRoundTrip(engine, schema, { numRuns: 5 });
      }),
      { numRuns: 30 },
    );
  });
});

describe("difference", () => {
  it("names the path of the first difference", async () => {
    const { desc } = engine.describe(z.object({ a: z.array(z.int()) }));
    expect(await difference(desc, { a: [1, 2] }, { a: [1, 3] })).toBe("at value.a[1]: 3, expected 2");
    expect(await difference(desc, { a: [1] }, { a: [1] })).toBeUndefined();
  });
});

describe("checkTransformer", () => {
  class Celsius {
    constructor(readonly degrees: number) {}
  }
  const celsius: TestableTransformer<Celsius> = {
    name: "Celsius",
    type: Celsius,
    literalType: ltype.simple(SimpleType.FLOAT),
    toLiteral: (c) => lit.float(c.degrees),
    toValue: (l) => {
      const v =
        l.value.case === "scalar" && l.value.value.value.case === "primitive"
          ? l.value.value.value.value.value
          : undefined;
      if (v?.case !== "floatValue") throw new Error("not a float");
      return new Celsius(v.value);
    },
    toMsgpack: (c) => c.degrees,
    fromMsgpack: (p) => new Celsius(p as number),
    arbitrary: (f) => f.double({ noNaN: true, noDefaultInfinity: true }).map((d) => new Celsius(d)),
  };

  it("passes a well-behaved transformer alone, in a list, as an optional and inside a record", async () => {
    await checkTransformer(celsius, { numRuns: 40 });
  });

  it("fails a transformer whose literals do not fit its declared LiteralType", async () => {
    const liar: TestableTransformer<Celsius> = {
      ...celsius,
      name: "Liar",
      toLiteral: (c) => lit.string(String(c.degrees)),
    };
    await expect(checkTransformer(liar, { numRuns: 10 })).rejects.toThrow(/does not fit the type's LiteralType/);
  });
});
