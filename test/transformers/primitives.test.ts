// Primitive kinds: what each accepts, what it refuses (with which code and path), and how it reads literals.
import { encode as msgpack } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, duration, ErrorCode, lit, timestamp } from "../../src/index.js";
import { rejection } from "../support/helpers.js";

const engine = createTypeEngine();
const bin = (v: unknown) => lit.binary(msgpack(v, { useBigInt64: true }), "msgpack");

describe("integers", () => {
  it("z.int() and z.number().int() are INTEGER", () => {
    expect(engine.literalType(z.int())).toEqual(engine.literalType(z.number().int()));
    expect(engine.literalType(z.int()).type).toEqual({ case: "simple", value: 1 });
  });
  it("refuses 2^60 into z.int() instead of rounding", async () => {
    const e = await rejection(engine.toLiteral(2 ** 60, z.int()));
    expect(e.code).toBe(ErrorCode.outOfRange);
    expect(e.message).toContain("z.bigint()");
  });
  it("refuses fractions, strings and booleans for INTEGER", async () => {
    expect((await rejection(engine.toLiteral(1.5, z.int()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toLiteral("1" as never, z.int()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toLiteral(true as never, z.int()))).code).toBe(ErrorCode.typeMismatch);
  });
  it("z.bigint() carries the full int64 range and refuses beyond it", async () => {
    const max = 2n ** 63n - 1n;
    expect(await engine.toValue(await engine.toLiteral(max, z.bigint()), z.bigint())).toBe(max);
    expect((await rejection(engine.toLiteral(2n ** 63n, z.bigint()))).code).toBe(ErrorCode.outOfRange);
  });
  it("refuses an int64 beyond the safe range read into z.int()", async () => {
    const e = await rejection(engine.toValue(lit.integer(2n ** 60n), z.int()));
    expect(e.code).toBe(ErrorCode.outOfRange);
  });
  it("reads a FLOAT literal into an int schema the way flytekit does: truncating", async () => {
    expect(await engine.toValue(lit.float(2.7), z.int())).toBe(2);
    expect(await engine.toValue(lit.float(-2.7), z.int())).toBe(-2);
    expect((await rejection(engine.toValue(lit.float(Number.NaN), z.int()))).code).toBe(ErrorCode.outOfRange);
  });
  it("never reads a boolean or string literal as an integer", async () => {
    expect((await rejection(engine.toValue(lit.boolean(true), z.int()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toValue(lit.string("1"), z.int()))).code).toBe(ErrorCode.typeMismatch);
  });
});

describe("floats", () => {
  it("keeps NaN, ±Infinity and -0", async () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0]) {
      expect(Object.is(await engine.toValue(await engine.toLiteral(v, z.number()), z.number()), v)).toBe(true);
    }
  });
  it("writes integral numbers as FLOAT when the schema says number", async () => {
    expect((await engine.toLiteral(1, z.number())).value).toMatchObject({
      value: { value: { case: "primitive", value: { value: { case: "floatValue", value: 1 } } } },
    });
  });
  it("reads an INTEGER literal into a float schema, as flytekit does", async () => {
    expect(await engine.toValue(lit.integer(3n), z.number())).toBe(3);
  });
});

describe("booleans and strings", () => {
  it("a boolean is never an integer", async () => {
    expect((await rejection(engine.toLiteral(1 as never, z.boolean()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toValue(lit.integer(1n), z.boolean()))).code).toBe(ErrorCode.typeMismatch);
  });
  it("strings keep unicode, including astral characters", async () => {
    const s = "héllo ✓ 𝄞";
    expect(await engine.toValue(await engine.toLiteral(s, z.string()), z.string())).toBe(s);
  });
});

describe("datetimes", () => {
  it("z.date() round-trips milliseconds", async () => {
    const d = new Date("1969-07-20T20:17:40.123Z");
    expect(await engine.toValue(await engine.toLiteral(d, z.date()), z.date())).toEqual(d);
  });
  it("normalises pre-epoch instants with non-negative nanos", async () => {
    const l = await engine.toLiteral(new Date(-500), z.date());
    expect(l).toEqual(lit.datetime({ seconds: -1n, nanos: 500_000_000 }));
  });
  it("refuses sub-millisecond timestamps into a Date unless asked to truncate", async () => {
    const l = lit.datetime({ seconds: 1n, nanos: 1_500_000 + 1 });
    const e = await rejection(engine.toValue(l, z.date()));
    expect(e.code).toBe(ErrorCode.precisionLoss);
    expect(await engine.toValue(l, z.date(), { datetimePrecision: "truncate" })).toEqual(new Date(1001));
    expect(await engine.toValue(l, timestamp())).toEqual({ seconds: 1n, nanos: 1_500_001 });
  });
  it("refuses invalid dates and dates outside years 1..9999", async () => {
    expect((await rejection(engine.toLiteral(new Date(Number.NaN), z.date()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toLiteral(new Date("+010000-01-01T00:00:00Z"), z.date()))).code).toBe(
      ErrorCode.outOfRange,
    );
  });
  it("timestamp() refuses unnormalised values", async () => {
    expect((await rejection(engine.toLiteral({ seconds: 0n, nanos: -1 }, timestamp()))).code).toBe(
      ErrorCode.outOfRange,
    );
  });
});

describe("durations", () => {
  it("carry the sign in both seconds and nanos", async () => {
    const d = { seconds: -1n, nanos: -500_000_000 };
    expect(await engine.toValue(await engine.toLiteral(d, duration()), duration())).toEqual(d);
  });
  it("refuses mixed signs", async () => {
    expect((await rejection(engine.toLiteral({ seconds: 1n, nanos: -1 }, duration()))).code).toBe(ErrorCode.outOfRange);
  });
});

describe("none", () => {
  it("null and undefined are both Python's None; reading gives the schema's representation", async () => {
    expect(await engine.toLiteral(null, z.null())).toEqual(lit.none());
    expect(await engine.toValue(lit.none(), z.null())).toBeNull();
    expect(await engine.toValue(lit.none(), z.undefined())).toBeUndefined();
  });
});

describe("msgpack binaries in place of primitives (attribute access on structs)", () => {
  it("reads each primitive from msgpack", async () => {
    expect(await engine.toValue(bin(5), z.int())).toBe(5);
    expect(await engine.toValue(bin(2n ** 62n), z.bigint())).toBe(2n ** 62n);
    expect(await engine.toValue(bin(1.5), z.number())).toBe(1.5);
    expect(await engine.toValue(bin("x"), z.string())).toBe("x");
    expect(await engine.toValue(bin(true), z.boolean())).toBe(true);
    expect(await engine.toValue(bin(null), z.null())).toBeNull();
    expect(await engine.toValue(bin([1, 2]), z.array(z.int()))).toEqual([1, 2]);
    expect(await engine.toValue(bin({ a: 1 }), z.record(z.string(), z.int()))).toEqual({ a: 1 });
  });
  it("reads mashumaro's datetime strings (naive means UTC) and timedelta seconds", async () => {
    expect(await engine.toValue(bin("2024-01-02T03:04:05"), z.date())).toEqual(new Date("2024-01-02T03:04:05Z"));
    expect(await engine.toValue(bin("2024-01-02T03:04:05.678901+02:00"), timestamp())).toEqual({
      seconds: BigInt(Date.UTC(2024, 0, 2, 1, 4, 5) / 1000),
      nanos: 678_901_000,
    });
    expect(await engine.toValue(bin(90.5), duration())).toEqual({ seconds: 90n, nanos: 500_000_000 });
  });
  it("refuses a wrong msgpack type and a binary that is not msgpack", async () => {
    expect((await rejection(engine.toValue(bin(true), z.int()))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toValue(lit.binary(new Uint8Array([1]), "pickle"), z.int()))).code).toBe(
      ErrorCode.invalidLiteral,
    );
    expect((await rejection(engine.toValue(lit.binary(new Uint8Array([0xc1]), "msgpack"), z.int()))).code).toBe(
      ErrorCode.decodeFailed,
    );
  });
});

describe("enums", () => {
  const color = z.enum(["red", "green"]);
  it("writes enum_type with values in declaration order and the value as a string", async () => {
    expect(engine.literalType(color).type).toMatchObject({ case: "enumType", value: { values: ["red", "green"] } });
    expect(await engine.toLiteral("green", color)).toEqual(lit.string("green"));
  });
  it("refuses unknown values both ways", async () => {
    expect((await rejection(engine.toLiteral("blue" as never, color))).code).toBe(ErrorCode.unknownEnumValue);
    expect((await rejection(engine.toValue(lit.string("blue"), color))).code).toBe(ErrorCode.unknownEnumValue);
  });
  it("accepts TypeScript string enums", () => {
    enum Size {
      S = "s",
      L = "l",
    }
    expect(engine.literalType(z.enum(Size)).type).toMatchObject({ value: { values: ["s", "l"] } });
  });
});
