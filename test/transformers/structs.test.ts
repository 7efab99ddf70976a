// Records, untyped dicts and value sets: the msgpack we write byte for byte, what we refuse and where.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTypeEngine,
  dataclass,
  duration,
  ErrorCode,
  type Literal,
  lit,
  ltype,
  SimpleType,
  withHash,
} from "../../src/index.js";
import { hex, rejection } from "../support/helpers.js";

const engine = createTypeEngine();
const binaryOf = (l: Literal): Uint8Array => {
  const v = l.value;
  if (v.case !== "scalar" || v.value.value.case !== "binary") throw new Error(`not a binary: ${v.case}`);
  return v.value.value.value.value;
};
const msgpack = (h: string) => lit.binary(Buffer.from(h.replaceAll(" ", ""), "hex"), "msgpack");

const Inner = z.object({ x: z.int(), y: z.string().default("d") }).meta({ title: "Inner" });
const Rec = z
  .object({ i: z.int(), f: z.number(), o: z.int().nullable().optional(), inner: Inner, big: z.bigint() })
  .meta({ title: "Rec" });

describe("records write msgpack as Python does", () => {
  it("declaration order, float64 for integral floats, minimal ints, None for absent optionals", async () => {
    const l = await engine.toLiteral({ i: 300, f: 2, inner: { x: -1 }, big: 2n ** 63n - 1n }, Rec);
    expect(hex(binaryOf(l))).toBe(
      "85a169cd012ca166cb4000000000000000a16fc0a5696e6e657282a178ffa179a164a3626967cf7fffffffffffffff",
    );
    // Python's None comes back as null: the schema allows both and null is what Python meant.
    expect(await engine.toValue(l, Rec)).toEqual({
      i: 300,
      f: 2,
      o: null,
      inner: { x: -1, y: "d" },
      big: 2n ** 63n - 1n,
    });
  });

  it("datetimes and durations in pydantic's form, or mashumaro's for dataclasses", async () => {
    const T = z.object({ at: z.date(), took: duration() });
    const value = { at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), took: { seconds: -90n, nanos: -500_000_000 } };
    const text = (l: Literal) => Buffer.from(binaryOf(l)).toString("latin1");
    const p = await engine.toLiteral(value, T);
    expect(text(p)).toContain("2024-01-02T03:04:05.678000Z");
    expect(text(p)).toContain("-PT1M30.5S");
    const d = await engine.toLiteral(value, dataclass(T));
    expect(text(d)).toContain("2024-01-02T03:04:05.678000+00:00");
    expect(hex(binaryOf(d))).toContain("cbc056a00000000000"); // -90.5 as float64
    expect(await engine.toValue(p, T)).toEqual(value);
    expect(await engine.toValue(d, T)).toEqual(value);
  });

  it("refuse sub-microsecond values inside records, which Python would truncate", async () => {
    const e = await rejection(engine.toLiteral({ took: { seconds: 1n, nanos: 1 } }, z.object({ took: duration() })));
    expect([e.code, e.path]).toEqual([ErrorCode.precisionLoss, "value.took"]);
  });

  it("report a missing field and a wrong one at their paths, all at once", async () => {
    const e = await rejection(engine.toLiteral({ i: "1", f: 1, inner: {}, big: 1n } as never, Rec));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      [ErrorCode.typeMismatch, "value.i"],
      [ErrorCode.missingValue, "value.inner.x"],
    ]);
  });

  it("drop, refuse or keep undeclared keys as zod does", async () => {
    const shape = { a: z.int() };
    const value = { a: 1, extra: [true] };
    expect(await engine.toValue(await engine.toLiteral(value, z.object(shape)), z.looseObject(shape))).toEqual({
      a: 1,
    });
    expect((await rejection(engine.toLiteral(value, z.strictObject(shape)))).code).toBe(ErrorCode.unexpectedValue);
    const kept = await engine.toLiteral(value, z.looseObject(shape));
    expect(await engine.toValue(kept, z.looseObject(shape))).toEqual(value);
    expect((await rejection(engine.toValue(kept, z.strictObject(shape)))).code).toBe(ErrorCode.unexpectedValue);
  });
});

describe("unions of records", () => {
  const A = z.object({ a: z.int() });
  const AB = z.object({ a: z.int(), b: z.string() });
  it("pick the variant that declares every key of the value", async () => {
    const U = z.union([A, AB]);
    const tagOf = async (v: unknown) => {
      const l = await engine.toLiteral(v as never, U);
      return l.value.case === "scalar" && l.value.value.value.case === "union"
        ? hex(binaryOf(l.value.value.value.value.value as Literal))
        : "";
    };
    expect(await tagOf({ a: 1 })).toBe("81a16101");
    expect(await tagOf({ a: 1, b: "x" })).toBe("82a16101a162a178");
  });
  it("leave a Date or bytes to their own variant: built-in values are not records", async () => {
    const loose = z.object({ a: z.int().optional() });
    const l = await engine.toLiteral(new Date(0), z.union([z.date(), loose]));
    expect(
      l.value.case === "scalar" &&
        l.value.value.value.case === "union" &&
        l.value.value.value.value.type?.structure?.tag,
    ).toBe("datetime");
    const e = await rejection(engine.toLiteral(new Uint8Array(2) as never, loose));
    expect(e.message).toContain("an object");
  });
  it("refuse a value two structurally equal variants take, as Python does", async () => {
    const e = await rejection(engine.toLiteral({ a: 1 }, z.union([A, z.object({ a: z.int() })])));
    expect(e.code).toBe(ErrorCode.ambiguousUnion);
  });
});

describe("hostile msgpack gives typed errors", () => {
  const cases: [string, string, string][] = [
    ["truncated", "85a169cd01", ErrorCode.decodeFailed],
    ["a map claiming 4 billion entries", "df ffffffff", ErrorCode.decodeFailed],
    ["a string claiming more bytes than exist", "db 7fffffff 61", ErrorCode.decodeFailed],
    ["trailing bytes", "80 80", ErrorCode.decodeFailed],
    ["a reserved byte", "c1", ErrorCode.decodeFailed],
    ["an array where a map belongs", "91 01", ErrorCode.typeMismatch],
  ];
  it.each(cases)("%s", async (_, bytes, code) => {
    expect((await rejection(engine.toValue(msgpack(bytes), Rec))).code).toBe(code);
  });
  it("nesting deeper than 1024 levels, even for untyped data", async () => {
    const deep = msgpack(`${"91".repeat(2000)}c0`);
    const e = await rejection(engine.toValue(deep, z.unknown()));
    expect([e.code, e.message.includes("nesting deeper than 1024")]).toEqual([ErrorCode.decodeFailed, true]);
  });
  it("a wrong type deep inside names its path", async () => {
    // {i: 1, f: 1.0, o: nil, inner: {x: "no"}, big: 1}
    const l = msgpack("85a16901a166cb3ff0000000000000a16fc0a5696e6e657281a178a26e6fa362696701");
    const e = await rejection(engine.toValue(l, Rec));
    expect([e.code, e.path]).toEqual([ErrorCode.typeMismatch, "value.inner.x"]);
  });
  it("a binary with another tag", async () => {
    expect((await rejection(engine.toValue(lit.binary(new Uint8Array([0x80]), "pickle"), Rec))).code).toBe(
      ErrorCode.invalidLiteral,
    );
  });
});

describe("the legacy Struct form", () => {
  it("reads integers sent as doubles back as integers", async () => {
    const generic: Literal = {
      ...lit.none(),
      value: {
        case: "scalar",
        value: {
          $typeName: "flyteidl.core.Scalar",
          value: { case: "generic", value: { i: 3, f: 1, inner: { x: 2 }, big: 9 } },
        },
      },
    };
    expect(await engine.toValue(generic, Rec)).toEqual({ i: 3, f: 1, inner: { x: 2, y: "d" }, big: 9n });
  });
});

describe("untyped data, int keys and value sets", () => {
  it("untyped dicts write what Python's msgpack writes for the same dict", async () => {
    const l = await engine.toLiteral(
      { a: 1, b: [1, 2.5], c: { d: null }, e: true, f: "s" },
      z.record(z.string(), z.unknown()),
    );
    expect(hex(binaryOf(l))).toBe("85a16101a1629201cb4004000000000000a16381a164c0a165c3a166a173");
    expect(engine.literalType(z.json()).type).toEqual({ case: "simple", value: SimpleType.STRUCT });
  });
  it("refuse class instances and name the path", async () => {
    const e = await rejection(engine.toLiteral({ a: [new Map()] }, z.record(z.string(), z.unknown())));
    expect([e.code, e.path]).toEqual([ErrorCode.typeMismatch, "value.a[0]"]);
  });
  it("int-keyed records are STRUCT msgpack with int keys", async () => {
    const S = z.record(z.int(), z.string());
    const l = await engine.toLiteral({ 1: "a", [-2]: "b" }, S);
    expect(hex(binaryOf(l))).toBe("8201a161fea162");
    expect(await engine.toValue(l, S)).toEqual({ 1: "a", [-2]: "b" });
    expect((await rejection(engine.toLiteral({ x: "a" } as never, S))).path).toBe("value.x");
  });
  it("string-keyed records follow the expected type", async () => {
    const S = z.record(z.string(), z.int());
    const expected = ltype.simple(SimpleType.STRUCT);
    const l = await engine.toLiteral({ a: 1 }, S, { expected });
    expect(hex(binaryOf(l))).toBe("81a16101");
    expect((await engine.toLiteral({ a: 1 }, S)).value.case).toBe("map");
    expect(await engine.toValue(l, S)).toEqual({ a: 1 });
  });
  it("value sets carry literal_values and refuse other values", async () => {
    const S = z.literal(["a", "b"]);
    expect(engine.literalType(S).annotation?.annotations).toEqual({ literal_values: ["a", "b"] });
    expect((await rejection(engine.toLiteral("c" as never, S))).code).toBe(ErrorCode.unknownEnumValue);
    expect(engine.literalType(z.union([z.literal(1), z.literal(2)])).annotation?.annotations).toEqual({
      literal_values: [1, 2],
    });
  });
});

describe("guessType reads a record without its schema", () => {
  it("rebuilds nested records, optionals, enums and value sets from the JSON Schema", async () => {
    const Color = z.enum(["red", "green"]).meta({ title: "Color" });
    const S = z
      .object({ inner: Inner.nullable().optional(), c: Color, xs: z.array(Inner), at: z.date(), m: z.literal("k") })
      .meta({ title: "S" });
    const value = { inner: { x: 1, y: "z" }, c: "red" as const, xs: [], at: new Date(0), m: "k" as const };
    const guessed = engine.guessType(engine.literalType(S)) as z.ZodType;
    const back = await engine.toValue(await engine.toLiteral(value, S), guessed);
    expect(back).toEqual({ ...value, inner: { x: 1n, y: "z" }, at: { seconds: 0n, nanos: 0 } });
    expect(engine.literalType(guessed).metadata).toEqual(engine.literalType(S).metadata);
  });
  it("an untyped STRUCT reads any msgpack value, maps and others alike", async () => {
    const g = engine.guessType(ltype.simple(SimpleType.STRUCT)) as z.ZodType;
    expect(engine.literalType(g)).toEqual(engine.literalType(z.record(z.string(), z.unknown())));
    for (const v of [{ a: 1 }, null, [1, "x"], 2.5]) {
      expect(await engine.toValue(await engine.toLiteral(v, z.unknown()), g)).toEqual(v);
    }
  });
});

describe("Literal.hash", () => {
  it("withHash computes it from the value", async () => {
    const S = withHash(z.array(z.int()), (xs) => `sum:${xs.reduce((a, b) => a + b, 0)}`);
    const l = await engine.toLiteral([1, 2, 3], S);
    expect(l.hash).toBe("sum:6");
    expect(await engine.toValue(l, S)).toEqual([1, 2, 3]);
  });
});

describe("custom types inside records", () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
  }
  it("travel through toMsgpack/fromMsgpack", async () => {
    const e = createTypeEngine();
    e.register({
      name: "Point",
      type: Point,
      literalType: ltype.simple(SimpleType.STRING),
      toLiteral: (p) => lit.string(`${p.x},${p.y}`),
      toValue: () => new Point(0, 0),
      toMsgpack: (p) => [p.x, p.y],
      fromMsgpack: (v) => new Point(...(v as [number, number])),
    });
    const S = z.object({ p: z.instanceof(Point) });
    const l = await e.toLiteral({ p: new Point(1, 2) }, S);
    expect(hex(binaryOf(l))).toBe("81a170920102");
    expect(await e.toValue(l, S)).toEqual({ p: new Point(1, 2) });
  });
});

describe("defaults of fields a record leaves out", () => {
  it("each value read gets its own default object, so changing one does not change the next", async () => {
    const S = z.object({ n: z.int(), xs: z.array(z.int()).default([]) });
    const l = await engine.toLiteral({ n: 1, xs: [] }, S);
    // Python's msgpack without the field: {"n": 1}.
    const lit1 = msgpack("81 a1 6e 01");
    const a = await engine.toValue(lit1, S);
    a.xs.push(99);
    const b = await engine.toValue(lit1, S);
    expect(b.xs).toEqual([]);
    expect(await engine.toValue(l, S)).toEqual({ n: 1, xs: [] });
  });
});

describe("integers in untyped data", () => {
  it("int64 and uint64 forms read as numbers where a number holds them exactly, bigints beyond, and write back alike", async () => {
    const Dict = z.record(z.string(), z.unknown());
    // Python's msgpack for {"a": 2**32, "b": -2**31 - 1, "c": 2**60}: uint64, int64 and uint64 forms.
    const python = "83 a161 cf0000000100000000 a162 d3ffffffff7fffffff a163 cf1000000000000000";
    const value = await engine.toValue(msgpack(python), Dict);
    expect(value).toEqual({ a: 2 ** 32, b: -(2 ** 31) - 1, c: 2n ** 60n });
    expect(hex(binaryOf(await engine.toLiteral(value, Dict)))).toBe(python.replaceAll(" ", ""));
  });
});
