// guessType over JSON Schemas that come from outside (a LiteralType's metadata): hostile shapes stay cheap.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, dataclass, ltype, SimpleType } from "../../src/index.js";
import { decodeLiteralType, encodeLiteralType } from "../../src/literal/index.js";

const engine = createTypeEngine();

/** A STRUCT LiteralType whose JSON Schema has `depth` models, each referring to the next one twice. */
function doublingRefs(depth: number) {
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) {
    const next = i + 1 < depth ? { $ref: `#/$defs/M${i + 1}` } : { type: "integer" };
    defs[`M${i}`] = { type: "object", title: `M${i}`, properties: { a: next, b: next }, required: ["a", "b"] };
  }
  const lt = ltype.simple(SimpleType.STRUCT);
  lt.metadata = { type: "object", title: "Root", properties: { m: { $ref: "#/$defs/M0" } }, $defs: defs } as never;
  return lt;
}

describe("guessType on hostile JSON Schema", () => {
  it("models that refer to the next one twice per level are read once each: a few KB, milliseconds", () => {
    // 40 levels: 2^40 expansions if each reference were walked anew.
    const lt = decodeLiteralType(encodeLiteralType(doublingRefs(40)));
    expect(encodeLiteralType(lt).byteLength).toBeLessThan(8_000);
    const started = process.hrtime.bigint();
    const guessed = engine.guessType(lt) as z.ZodType;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Not a timing assertion on speed: an exponential walk would not finish within the test's timeout at all.
    expect(ms).toBeLessThan(10_000);
    expect(guessed).toBeInstanceOf(z.ZodObject);
    // The guess reads what the model describes (checked on a shallow one: a value that deep is itself 2^40 wide).
    const small = engine.guessType(doublingRefs(3)) as z.ZodType;
    const leaf = { a: 1n, b: 2n };
    expect(small.parse({ m: { a: { a: leaf, b: leaf }, b: { a: leaf, b: leaf } } })).toBeTruthy();
    expect(small.safeParse({ m: { a: 1n, b: 2n } }).success).toBe(false);
  });

  it("a dangling, prototype-named or self-referring $ref reads as any value instead of failing", () => {
    const lt = ltype.simple(SimpleType.STRUCT);
    lt.metadata = {
      type: "object",
      title: "Root",
      properties: {
        gone: { $ref: "#/$defs/Nope" },
        proto: { $ref: "#/$defs/__proto__" },
        tree: { $ref: "#/$defs/Tree" },
      },
      required: ["gone", "proto", "tree"],
      $defs: { Tree: { type: "object", properties: { kids: { type: "array", items: { $ref: "#/$defs/Tree" } } } } },
    } as never;
    const guessed = engine.guessType(lt) as z.ZodType;
    expect(guessed.safeParse({ gone: 1, proto: "x", tree: { kids: [{ kids: [] }] } }).success).toBe(true);
  });
});

describe("guessType keeps what Python declared", () => {
  it("an enum field whose values look like integers keeps their order", () => {
    const lt = ltype.simple(SimpleType.STRUCT);
    lt.metadata = {
      type: "object",
      title: "Root",
      properties: { e: { $ref: "#/$defs/E" } },
      required: ["e"],
      $defs: { E: { enum: ["b", "1", "a"], title: "E", type: "string" } },
    } as never;
    const guessed = engine.guessType(lt) as z.ZodObject;
    const e = guessed.shape.e as z.ZodEnum;
    expect(e.options).toEqual(["b", "1", "a"]);
  });
});

describe("guessType of a dataclass without fields", () => {
  it("is an empty dataclass record, whose LiteralType is the one mashumaro wrote, not an untyped dict", async () => {
    const Empty = dataclass(z.strictObject({}).meta({ title: "DEmpty" }));
    const lt = engine.literalType(Empty);
    expect(lt.metadata).toEqual({ type: "object", title: "DEmpty", additionalProperties: false });
    const guessed = engine.guessType(lt) as z.ZodType;
    expect(engine.literalType(guessed)).toEqual(lt);
    expect(await engine.toValue(await engine.toLiteral({}, Empty), guessed)).toEqual({});
  });
});
