// A record's JSON Schema in the forms mashumaro and pydantic write (the interop suite compares the bytes with the
// real SDKs); here, what a user of defaultFactory() and of enums with integer-like values relies on.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, defaultFactory, lit } from "../../src/index.js";

const engine = createTypeEngine();
type Schema = { properties?: Record<string, Record<string, unknown>>; required?: string[] };
const jsonSchema = (s: z.ZodType) => engine.literalType(s).metadata as Schema;

describe("defaultFactory", () => {
  const fields = {
    n: z.int(),
    xs: defaultFactory(z.array(z.int()), () => [1]).describe("made per value"),
    ys: z.array(z.int()).default([2]),
  };

  it.each([
    ["dataclass", dataclass(z.object(fields).meta({ title: "R" }))],
    ["pydantic", z.object(fields).meta({ title: "R" })],
  ])("writes no default for a factory and keeps a value default (%s)", (_, schema) => {
    const s = jsonSchema(schema);
    expect(s.properties?.xs).not.toHaveProperty("default");
    expect(s.properties?.xs?.description).toBe("made per value");
    expect(s.properties?.ys?.default).toEqual([2]);
    expect(s.required).toEqual(["n"]);
  });

  it("fills the field as .default() does, on both sides", async () => {
    const schema = dataclass(z.object(fields).meta({ title: "R" }));
    expect(schema.parse({ n: 1 })).toEqual({ n: 1, xs: [1], ys: [2] });
    const written = await engine.toLiteral({ n: 1 }, schema);
    const expected = await engine.toLiteral({ n: 1, xs: [1], ys: [2] }, schema);
    expect(written).toEqual(expected);
    const onlyN = await engine.toLiteral({ n: 3 }, dataclass(z.object({ n: z.int() }).meta({ title: "R" })));
    expect(await engine.toValue(onlyN, schema)).toEqual({ n: 3, xs: [1], ys: [2] });
  });
});

describe("enums whose values look like integers", () => {
  const pyEnum = z.enum({ A: "b", B: "1" }); // Python's Enum("E", {"A": "b", "B": "1"})

  it("keep the declaration order of z.enum({ name: value }) in enum_type and in the JSON Schema", () => {
    expect(engine.literalType(pyEnum).type).toMatchObject({ case: "enumType", value: { values: ["b", "1"] } });
    const inRecord = jsonSchema(dataclass(z.object({ e: pyEnum }).meta({ title: "R" })));
    expect(inRecord.properties?.e).toEqual({ enum: ["b", "1"] });
  });

  it("keep Python's order when guessed from a LiteralType, and read its values", async () => {
    const guessed = engine.guessType(engine.literalType(pyEnum)) as z.ZodType;
    expect(engine.literalType(guessed)).toEqual(engine.literalType(pyEnum));
    expect(await engine.toValue(lit.string("1"), guessed)).toBe("1");
    // A value that is itself the key made for another keeps its place too.
    const tricky = engine.guessType(engine.literalType(z.enum({ A: "_1", B: "1", C: "0" }))) as z.ZodType;
    expect(engine.literalType(tricky).type).toMatchObject({ value: { values: ["_1", "1", "0"] } });
  });
});
