// The form a map takes, as Python gives it: only a bare `dict` is one STRUCT (a map of dicts is a LiteralMap of
// STRUCTs), and `Dict[int, T]` is written as mashumaro writes it, except inside a pydantic model, which goes
// through JSON (string keys, no `propertyNames`).

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, duration, type Literal, SimpleType, timestamp } from "../../src/index.js";
import { hex } from "../support/helpers.js";

const engine = createTypeEngine();
const binaryOf = (l: Literal): Uint8Array => {
  const v = l.value;
  if (v.case !== "scalar" || v.value.value.case !== "binary") throw new Error(`not a binary: ${v.case}`);
  return v.value.value.value.value;
};
const untyped = z.record(z.string(), z.unknown());

describe("maps of untyped values", () => {
  it("a bare dict (unknown or any values) is one STRUCT", () => {
    for (const s of [untyped, z.record(z.string(), z.any())]) {
      expect(engine.literalType(s).type).toEqual({ case: "simple", value: SimpleType.STRUCT });
    }
  });

  it("a map of dicts is a LiteralMap of STRUCTs, read and written so", async () => {
    const s = z.record(z.string(), untyped);
    const lt = engine.literalType(s);
    expect(lt.type.case).toBe("mapValueType");
    expect((lt.type.value as { type: unknown }).type).toEqual({ case: "simple", value: SimpleType.STRUCT });
    const value = { a: { x: 1, y: [1, 2.5] }, b: {} };
    const l = await engine.toLiteral(value, s);
    expect(l.value.case).toBe("map");
    const a = (l.value.value as { literals: { [k: string]: Literal } }).literals.a as Literal;
    expect(hex(binaryOf(a))).toBe("82a17801a1799201cb4004000000000000");
    expect(await engine.toValue(l, s)).toEqual(value);
  });

  it("so is the type guessed for a map of records without fields", async () => {
    const Empty = dataclass(z.object({}).meta({ title: "Empty" }));
    const declared = z.record(z.string(), Empty);
    const l = await engine.toLiteral({ a: {}, b: {} }, declared);
    const guessed = engine.guessType(engine.literalType(declared));
    expect(await engine.toValue(l, guessed)).toEqual({ a: {}, b: {} });
  });
});

describe("Dict[int, T]", () => {
  const text = (l: Literal) => Buffer.from(binaryOf(l)).toString("latin1");

  it("outside a record is written as mashumaro writes it: int keys, float seconds, isoformat()", async () => {
    const d = z.record(z.int(), duration());
    const l = await engine.toLiteral({ 1: { seconds: 90n, nanos: 500_000_000 } }, d);
    expect(hex(binaryOf(l))).toBe("8101cb4056a00000000000");
    const t = await engine.toLiteral({ 1: { seconds: 0n, nanos: 0 } }, z.record(z.int(), timestamp()));
    expect(text(t)).toContain("1970-01-01T00:00:00+00:00");
    expect(await engine.toValue(l, d)).toEqual({ 1: { seconds: 90n, nanos: 500_000_000 } });
  });

  it("inside a pydantic model has string keys and no propertyNames", async () => {
    const P = z.object({ m: z.record(z.int(), z.string()) }).meta({ title: "P" });
    const l = await engine.toLiteral({ m: { 1: "a", "-2": "b" } }, P);
    expect(hex(binaryOf(l))).toBe("81a16d82a131a161a22d32a162");
    const schema = engine.literalType(P).metadata as { properties: { m: object } };
    expect(schema.properties.m).toEqual({ additionalProperties: { type: "string" }, title: "M", type: "object" });
    expect(await engine.toValue(l, P)).toEqual({ m: { 1: "a", "-2": "b" } });
  });

  it("inside a dataclass keeps int keys and says so in the schema", async () => {
    const D = dataclass(z.object({ m: z.record(z.int(), z.string()) }).meta({ title: "D" }));
    const l = await engine.toLiteral({ m: { 1: "a" } }, D);
    expect(hex(binaryOf(l))).toBe("81a16d8101a161");
    const schema = engine.literalType(D).metadata as { properties: { m: { propertyNames?: unknown } } };
    expect(schema.properties.m.propertyNames).toEqual({ type: "integer" });
  });
});
