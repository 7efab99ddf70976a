// Lists, maps and unions: tags, variant choice, paths and the all-issues-at-once rule.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, ErrorCode, lit, ltype, SimpleType } from "../../src/index.js";
import { decodeLiteral, encodeLiteral } from "../../src/literal/index.js";
import { rejection } from "../support/helpers.js";

const engine = createTypeEngine();
const tagOf = async (value: unknown, schema: z.ZodType) => {
  const l = await engine.toLiteral(value as never, schema);
  return l.value.case === "scalar" && l.value.value.value.case === "union"
    ? l.value.value.value.value.type?.structure?.tag
    : undefined;
};

describe("lists and maps", () => {
  it("report every bad element with its path, in one error", async () => {
    const e = await rejection(engine.toLiteral([1, "x", 2, 1.5] as never, z.array(z.int())));
    expect(e.issues.map((i) => i.path)).toEqual(["value[1]", "value[3]"]);
    expect(e.path).toBe("value[1]");
  });
  it("paths name map keys, quoting the ones that are not identifiers", async () => {
    const e = await rejection(
      engine.toLiteral({ ok: [1], "a b": ["x"] } as never, z.record(z.string(), z.array(z.int()))),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['value["a b"][0]']);
  });
  it("keep __proto__ keys as data", async () => {
    const m = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
    const back = (await engine.toValue(
      await engine.toLiteral(m, z.record(z.string(), z.int())),
      z.record(z.string(), z.int()),
    )) as Record<string, number>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
  });
  it("keep __proto__ keys as data inside msgpack too, at any depth and in any string encoding", async () => {
    const untyped = z.record(z.string(), z.unknown());
    const m = JSON.parse('{"__proto__": {"__proto__": [1]}, "a": [{"__proto__": null}]}') as Record<string, unknown>;
    const back = (await engine.toValue(
      decodeLiteral(encodeLiteral(await engine.toLiteral(m, untyped))),
      untyped,
    )) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(JSON.stringify(m));
    // {"__proto__": 1} with the key as str8 (d9 09), as some writers encode short strings.
    const str8 = Uint8Array.of(0x81, 0xd9, 0x09, ...new TextEncoder().encode("__proto__"), 0x01);
    const read = (await engine.toValue(lit.binary(str8, "msgpack"), untyped)) as Record<string, unknown>;
    expect(Object.keys(read)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(read, "__proto__")?.value).toBe(1);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  });
  it("accept typed arrays", async () => {
    const l = await engine.toLiteral(new Float64Array([1.5, 2]) as never, z.array(z.number()));
    expect(await engine.toValue(l, z.array(z.number()))).toEqual([1.5, 2]);
  });
  it("refuse a non-array and a non-plain object", async () => {
    expect((await rejection(engine.toLiteral("abc" as never, z.array(z.string())))).code).toBe(ErrorCode.typeMismatch);
    expect((await rejection(engine.toLiteral(new Map() as never, z.record(z.string(), z.int())))).code).toBe(
      ErrorCode.typeMismatch,
    );
  });
  it("an empty collection is present but empty on the wire", async () => {
    expect(Buffer.from(encodeLiteral(await engine.toLiteral([], z.array(z.int())))).toString("hex")).toBe("1200");
  });
  it("caps the issues it keeps and counts the rest", async () => {
    const e = await rejection(engine.toLiteral(Array(1000).fill("x") as never, z.array(z.int())));
    expect(e.issues).toHaveLength(100);
    expect(e.omitted).toBe(900);
  });
});

describe("unions", () => {
  const intOrFloat = z.union([z.int(), z.number()]);
  it("tag every variant with flytekit's transformer name", () => {
    const lt = engine.literalType(
      z.union([
        z.int(),
        z.number(),
        z.string(),
        z.boolean(),
        z.date(),
        z.array(z.int()),
        z.record(z.string(), z.int()),
        z.null(),
      ]),
    );
    const tags = lt.type.case === "unionType" ? lt.type.value.variants.map((v) => v.structure?.tag) : [];
    expect(tags).toEqual(["int", "float", "str", "bool", "datetime", "Typed List", "Typed Dict", "none"]);
  });
  it("choose int for integral numbers and float otherwise, matching Python's Union[int, float]", async () => {
    expect(await tagOf(1, intOrFloat)).toBe("int");
    expect(await tagOf(1.5, intOrFloat)).toBe("float");
    // -0 exists only as a float in Python (-0.0): reading Python's -0.0 and writing it back keeps it a float.
    expect(await tagOf(-0, intOrFloat)).toBe("float");
    expect(await tagOf(2 ** 60, intOrFloat)).toBe("float");
    expect(await tagOf(1, z.union([z.number(), z.string()]))).toBe("float");
  });
  it("lists of unions tag each element", async () => {
    const l = await engine.toLiteral(["a", 1], z.array(z.union([z.string(), z.int()])));
    const tags =
      l.value.case === "collection"
        ? l.value.value.literals.map((x) =>
            x.value.case === "scalar" && x.value.value.value.case === "union"
              ? x.value.value.value.value.type?.structure?.tag
              : "",
          )
        : [];
    expect(tags).toEqual(["str", "int"]);
  });
  it("optional and nullable are unions with a none variant; nested ones flatten", () => {
    const lt = engine.literalType(z.int().nullable().optional());
    expect(lt.type.case === "unionType" && lt.type.value.variants.length).toBe(2);
  });
  it("refuse values that fit two variants", async () => {
    const e = await rejection(engine.toLiteral([], z.union([z.array(z.int()), z.array(z.string())])));
    expect(e.code).toBe(ErrorCode.ambiguousUnion);
  });
  it("write null and undefined as the none variant even when an untyped variant would take them too", async () => {
    const schema = z.object({ meta: z.unknown().optional() });
    const l = await engine.toLiteral({ meta: undefined }, schema);
    expect(await engine.toValue(decodeLiteral(encodeLiteral(l)), schema)).toEqual({});
    const maybe = z.unknown().nullable();
    const n = await engine.toLiteral(null, maybe);
    expect(
      n.value.case === "scalar" &&
        n.value.value.value.case === "union" &&
        n.value.value.value.value.type?.structure?.tag,
    ).toBe("none");
    expect(await engine.toValue(n, maybe)).toBeNull();
  });
  it("refuse values that fit none, naming the variants", async () => {
    const e = await rejection(engine.toLiteral(true as never, z.union([z.int(), z.string()])));
    expect(e.code).toBe(ErrorCode.noMatchingVariant);
    expect(e.message).toContain("int, str");
  });
  it("read by the stored tag, so an int-tagged 1 stays an int even where FLOAT would also accept it", async () => {
    const l = await engine.toLiteral(1, intOrFloat);
    expect(await engine.toValue(decodeLiteral(encodeLiteral(l)), intOrFloat)).toBe(1);
  });
  it("read a plain (untagged) literal by trying every variant, strict first", async () => {
    expect(await engine.toValue(lit.integer(3n), intOrFloat)).toBe(3);
    expect(await engine.toValue(lit.string("x"), z.union([z.int(), z.string()]))).toBe("x");
  });
  it("refuse a union literal whose tag no variant has", async () => {
    const foreign = lit.union(lit.integer(1n), ltype.tagged(ltype.simple(SimpleType.INTEGER), "MyInt"));
    expect((await rejection(engine.toValue(foreign, z.union([z.int(), z.string()])))).code).toBe(
      ErrorCode.noMatchingVariant,
    );
  });
  it("prefer an enum variant over a string variant for an enum value", async () => {
    const s = z.union([z.string(), z.enum(["red"])]);
    expect(await tagOf("red", s)).toBe("DefaultEnumTransformer");
    expect(await tagOf("blue", s)).toBe("str");
    expect(await engine.toValue(await engine.toLiteral("red", s), s)).toBe("red");
  });
});
