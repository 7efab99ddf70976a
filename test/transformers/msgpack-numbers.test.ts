// Numbers read from msgpack into a union of int and float (or int and timedelta): the wire form decides, as in
// Python — a msgpack int is the int, a msgpack float (even 2.0) the float or the timedelta.

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, duration, type Literal, lit } from "../../src/index.js";

const engine = createTypeEngine();
const msgpack = (h: string) => lit.binary(Buffer.from(h.replaceAll(" ", ""), "hex"), "msgpack");
const F2 = "cb 4000000000000000"; // 2.0 as float64
const F5 = "cb 4014000000000000"; // 5.0 as float64
const intOrFloat = z.union([z.int(), z.number()]);
const bigintOrFloat = z.union([z.bigint(), z.number()]);

describe("a union of int and float inside a record", () => {
  const R = z.object({ u: bigintOrFloat }).meta({ title: "R" });
  it("reads a msgpack float as the float, even when integral", async () => {
    expect(await engine.toValue(msgpack(`81 a175 ${F2}`), R)).toEqual({ u: 2 });
    expect(await engine.toValue(msgpack("81 a175 ca 40000000"), R)).toEqual({ u: 2 }); // float32
  });
  it("reads a msgpack int as the int, whatever its width", async () => {
    expect(await engine.toValue(msgpack("81 a175 02"), R)).toEqual({ u: 2n });
    expect(await engine.toValue(msgpack("81 a175 cf 0000000100000000"), R)).toEqual({ u: 2n ** 32n });
    const S = z.object({ u: intOrFloat });
    expect(await engine.toValue(msgpack("81 a175 cf 0000000100000000"), S)).toEqual({ u: 2 ** 32 });
    expect(await engine.toValue(msgpack("81 a175 d3 ffffffff7fffffff"), S)).toEqual({ u: -(2 ** 31) - 1 });
  });
  it("follows each slot of lists and maps, whatever order JS gives integer-like keys", async () => {
    const N = z.object({ l: z.array(bigintOrFloat), m: z.record(z.string(), bigintOrFloat) });
    // l: [2.0, 3]; m: {"b": 2.0, "1": 3, "c": 4.0} — JS lists "1" first.
    const bytes = `82 a16c 92 ${F2} 03 a16d 83 a162 ${F2} a131 03 a163 cb 4010000000000000`;
    expect(await engine.toValue(msgpack(bytes), N)).toEqual({ l: [2, 3n], m: { b: 2, 1: 3n, c: 4 } });
  });
  it("keeps a key's last value when the map repeats it, and reads `__proto__` keys", async () => {
    const M = z.object({ m: z.record(z.string(), bigintOrFloat) });
    expect(await engine.toValue(msgpack(`81 a16d 82 a161 ${F2} a161 02`), M)).toEqual({ m: { a: 2n } });
    const proto = await engine.toValue(msgpack(`81 a16d 81 a9 5f5f70726f746f5f5f ${F2}`), M);
    expect(Object.getOwnPropertyDescriptor(proto.m, "__proto__")?.value).toBe(2);
  });
  it("reaches unions inside records that are themselves union variants, and int-keyed maps", async () => {
    const Inner = z.object({ u: bigintOrFloat }).meta({ title: "Inner" });
    const Outer = z.object({ xs: z.array(z.union([Inner, z.string()])) });
    expect(await engine.toValue(msgpack(`81 a27873 92 81 a175 ${F2} a173`), Outer)).toEqual({ xs: [{ u: 2 }, "s"] });
    expect(await engine.toValue(msgpack(`82 01 ${F2} 02 03`), z.record(z.int(), bigintOrFloat))).toEqual({
      1: 2,
      2: 3n,
    });
  });
  it("writes what it reads", async () => {
    const R2 = z.object({ u: bigintOrFloat, l: z.array(intOrFloat) });
    const value = { u: 2, l: [1, 1.5, 2 ** 40] };
    expect(await engine.toValue(await engine.toLiteral(value, R2), R2)).toEqual(value);
  });
});

describe("a union of int and timedelta inside a record", () => {
  const D = dataclass(z.object({ u: z.union([z.int(), duration()]) }).meta({ title: "D" }));
  it("reads a msgpack int as the int: Python never writes a timedelta so", async () => {
    expect(await engine.toValue(msgpack("81 a175 05"), D)).toEqual({ u: 5 });
  });
  it("reads float seconds as the timedelta, even when integral", async () => {
    expect(await engine.toValue(msgpack(`81 a175 ${F5}`), D)).toEqual({ u: { seconds: 5n, nanos: 0 } });
    expect(await engine.toValue(msgpack("81 a175 cb 4016000000000000"), D)).toEqual({
      u: { seconds: 5n, nanos: 500_000_000 },
    });
  });
  it("takes an integral number of unknown form (the legacy Struct's doubles) as the int", async () => {
    const generic: Literal = {
      ...lit.none(),
      value: {
        case: "scalar",
        value: { $typeName: "flyteidl.core.Scalar", value: { case: "generic", value: { u: 5 } } },
      },
    };
    expect(await engine.toValue(generic, D)).toEqual({ u: 5 });
  });
});

describe("timedelta in a pydantic record's union", () => {
  it("a msgpack float is the float variant: pydantic writes a timedelta only as an ISO-8601 string", async () => {
    const P = z.object({ u: z.union([z.number(), duration()]) }).meta({ title: "P" });
    const read = (h: string) => engine.toValue(lit.binary(Buffer.from(h, "hex"), "msgpack"), P);
    expect(await read("81a175cb3ff8000000000000")).toEqual({ u: 1.5 });
    expect(await read("81a175a450543553")).toEqual({ u: { seconds: 5n, nanos: 0 } });
  });
});

describe("timedelta in a pydantic record's union, integral floats", () => {
  it("2.0 is the float variant of Union[float, None, timedelta]", async () => {
    const P = z.object({ x: z.union([z.number(), z.null(), duration()]) }).meta({ title: "P" });
    const got = await engine.toValue(lit.binary(Buffer.from("81a178cb4000000000000000", "hex"), "msgpack"), P);
    expect(got).toEqual({ x: 2 });
  });
});

describe("-0 in a union of int and float", () => {
  it("is the float variant, as Python's -0.0 is a float", async () => {
    const U = z.union([z.int(), z.number()]);
    const l = await engine.toLiteral(-0, U);
    const u = l.value.case === "scalar" && l.value.value.value.case === "union" ? l.value.value.value.value : undefined;
    expect(u?.type?.structure?.tag).toBe("float");
    expect(Object.is(await engine.toValue(l, U), -0)).toBe(true);
    const one = await engine.toLiteral(1, U);
    const v =
      one.value.case === "scalar" && one.value.value.value.case === "union" ? one.value.value.value.value : undefined;
    expect(v?.type?.structure?.tag).toBe("int");
  });
});
