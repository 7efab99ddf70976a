// Types of the user's own described by a wire schema (MappedType) or by zod's z.codec: the literal, LiteralType,
// msgpack and JSON Schema are the wire schema's, byte for byte, wherever the type sits; errors name the type.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, ErrorCode, type MappedType, readLiteral } from "../../src/index.js";
import { encodeLiteral, encodeLiteralType } from "../../src/literal/index.js";
import { assertRoundTrip } from "../../src/testing/index.js";
import { hex, rejection } from "../support/helpers.js";

class Money {
  constructor(
    readonly amount: bigint,
    readonly currency: string,
  ) {}
}

const MoneyWire = dataclass(z.object({ amount: z.bigint(), currency: z.string().length(3) }).meta({ title: "Money" }));

const money: MappedType<Money, typeof MoneyWire> = {
  name: "Money",
  type: Money,
  wire: MoneyWire,
  toWire: (m) => ({ amount: m.amount, currency: m.currency }),
  fromWire: (w) => new Money(w.amount, w.currency),
};

const engineWithMoney = () => {
  const engine = createTypeEngine();
  engine.register(money);
  return engine;
};

const bytes = async (engine: ReturnType<typeof createTypeEngine>, v: unknown, s: z.ZodType) =>
  hex(encodeLiteral(await engine.toLiteral(v as never, s), { deterministic: true }));

describe("a mapped type", () => {
  const engine = engineWithMoney();
  const price = new Money(1975n, "EUR");
  const wire = { amount: 1975n, currency: "EUR" };

  it("writes what its wire schema writes: the same literal and LiteralType, by class or by z.instanceof", async () => {
    expect(await bytes(engine, price, z.instanceof(Money))).toBe(await bytes(engine, wire, MoneyWire));
    expect(hex(encodeLiteralType(engine.literalType(Money)))).toBe(
      hex(encodeLiteralType(engine.literalType(MoneyWire))),
    );
    // The amount is msgpack's smallest integer form (cd 07 b7), as flytekit writes the dataclass.
    expect(await bytes(engine, price, z.instanceof(Money))).toContain("a6616d6f756e74cd07b7");
    const back = await engine.toValue(await engine.toLiteral(price, Money), Money);
    expect(back).toBeInstanceOf(Money);
    expect(back).toEqual(price);
  });

  it("sits in records, lists, maps and unions as its wire schema does", async () => {
    const cases: [unknown, z.ZodType, unknown, z.ZodType][] = [
      [
        { p: price, n: 1 },
        z.object({ p: z.instanceof(Money), n: z.int() }),
        { p: wire, n: 1 },
        z.object({ p: MoneyWire, n: z.int() }),
      ],
      [[price, price], z.array(z.instanceof(Money)), [wire, wire], z.array(MoneyWire)],
      [{ a: price }, z.record(z.string(), z.instanceof(Money)), { a: wire }, z.record(z.string(), MoneyWire)],
      [price, z.instanceof(Money).nullable(), wire, MoneyWire.nullable()],
    ];
    for (const [v, s, w, ws] of cases) {
      expect(await bytes(engine, v, s)).toBe(await bytes(engine, w, ws));
      expect(hex(encodeLiteralType(engine.literalType(s)))).toBe(hex(encodeLiteralType(engine.literalType(ws))));
      expect(await engine.toValue(await engine.toLiteral(v as never, s), s)).toEqual(v);
    }
  });

  it("is what guessType answers for its wire schema's LiteralType", () => {
    expect(engine.guessType(engine.literalType(MoneyWire))).toBe(Money);
    // Another record is not Money.
    const other = dataclass(z.object({ amount: z.bigint() }).meta({ title: "Money" }));
    expect(engine.guessType(engine.literalType(other))).not.toBe(Money);
  });

  it("round-trips under the testing kit, values made from the wire schema's", async () => {
    await assertRoundTrip(engine, z.object({ prices: z.array(z.instanceof(Money)) }), { numRuns: 30 });
  });

  it("refuses a value that is not one, naming the type and the path", async () => {
    const e = await rejection(engine.toLiteral([price, "5 EUR"] as never, z.array(z.instanceof(Money))));
    expect(e.code).toBe(ErrorCode.typeMismatch);
    expect(e.issues[0]?.path).toBe("value[1]");
    expect(e.message).toContain("Money");
  });

  it("runs the wire schema's checks on the wire value, both ways", async () => {
    const e = await rejection(engine.toLiteral({ p: new Money(1n, "EURO") }, z.object({ p: z.instanceof(Money) })));
    expect(e.code).toBe(ErrorCode.validationFailed);
    expect(e.issues[0]?.path).toBe("value.p");
    expect(e.message).toContain("Money's wire form at currency");
    const bad = await engine.toLiteral(
      { amount: 1n, currency: "EURO" },
      z.object({ amount: z.bigint(), currency: z.string() }).meta({ title: "Money" }),
    );
    const r = await rejection(engine.toValue(bad, Money));
    expect(r.code).toBe(ErrorCode.validationFailed);
  });

  it("turns an exception from toWire or fromWire into an issue at the path", async () => {
    const strict = createTypeEngine();
    strict.register({
      ...money,
      toWire: () => {
        throw new Error("no negative money");
      },
    });
    const e = await rejection(strict.toLiteral([price], z.array(z.instanceof(Money))));
    expect(e.code).toBe(ErrorCode.transformerFailed);
    expect(e.issues[0]?.path).toBe("value[0]");
    expect(e.message).toContain("no negative money");
  });

  it("refuses a wire schema that contains the type itself", async () => {
    class Node {}
    const loop = createTypeEngine();
    const wireSchema = z.object({ next: z.instanceof(Node).optional() }).meta({ title: "Node" });
    loop.register({ name: "Node", type: Node, wire: wireSchema, toWire: () => ({}), fromWire: () => new Node() });
    const e = await rejection(() => loop.literalType(Node));
    expect(e.code).toBe(ErrorCode.unsupportedSchema);
    expect(e.message).toContain("contains itself");
  });
});

describe("z.codec", () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  const PointWire = z.object({ x: z.number(), y: z.number() }).meta({ title: "Point" });
  const point = z.codec(PointWire, z.instanceof(Point), {
    decode: (w) => new Point(w.x, w.y),
    encode: (p) => ({ x: p.x, y: p.y }),
  });
  const engine = createTypeEngine();

  it("travels as its wire (input) schema, and reads back through decode", async () => {
    const p = new Point(1, 2.5);
    expect(await bytes(engine, p, point)).toBe(await bytes(engine, { x: 1, y: 2.5 }, PointWire));
    const back = await engine.toValue(await engine.toLiteral(p, point), point);
    expect(back).toBeInstanceOf(Point);
    expect(back).toEqual(p);
    const rec = z.object({ at: point, label: z.string().min(1) });
    const value = { at: p, label: "a" };
    expect(await engine.toValue(await engine.toLiteral(value, rec), rec)).toEqual(value);
  });

  it("an ISO string codec for dates writes a STRING", async () => {
    const isoDate = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    const d = new Date("2026-11-30T12:00:00.000Z");
    const l = await engine.toLiteral(d, isoDate);
    expect(readLiteral.string(l)).toBe("2026-11-30T12:00:00.000Z");
    expect(await engine.toValue(l, isoDate)).toEqual(d);
  });

  it("a value its encode refuses is a validation error at the path", async () => {
    const e = await rejection(engine.toLiteral({ at: { x: 1 } } as never, z.object({ at: point })));
    expect(e.code).toBe(ErrorCode.validationFailed);
    expect(e.issues[0]?.path).toBe("value.at");
  });

  it("a plain z.pipe() is still refused, as having no Flyte type", async () => {
    const e = await rejection(() => engine.literalType(z.string().pipe(z.string())));
    expect(e.code).toBe(ErrorCode.unsupportedSchema);
    expect(e.message).toContain("z.pipe()");
  });
});

describe("readLiteral", () => {
  it("reads each kind, and names what it expected and what came", async () => {
    const engine = createTypeEngine();
    expect(readLiteral.integer(await engine.toLiteral(5, z.int()))).toBe(5n);
    expect(readLiteral.float(await engine.toLiteral(1.5, z.number()))).toBe(1.5);
    expect(readLiteral.boolean(await engine.toLiteral(true, z.boolean()))).toBe(true);
    expect(readLiteral.collection(await engine.toLiteral([1], z.array(z.int())))).toHaveLength(1);
    expect(Object.keys(readLiteral.map(await engine.toLiteral({ a: 1 }, z.record(z.string(), z.int()))))).toEqual([
      "a",
    ]);
    const u = readLiteral.union(await engine.toLiteral(1, z.int().nullable()));
    expect(u.type.structure?.tag).toBe("int");
    const e = await rejection(async () => readLiteral.string(await engine.toLiteral(5, z.int())));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.message).toContain("STRING");
    expect(e.issues[0]?.received).toContain("integer");
  });
});
