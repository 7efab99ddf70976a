// The engine's public surface: registration, interfaces, guessing, zod checks, and compile-time types.
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createDefaultRegistry,
  createRegistry,
  createTypeEngine,
  type Duration,
  ErrorCode,
  type Literal,
  lit,
  ltype,
  primitiveOf,
  readLiteral,
  SimpleType,
  type Timestamp,
  type Transformer,
  type TypedIO,
  timestamp,
} from "../../src/index.js";

type TypedIOAny = TypedIO<Record<string, never>, Record<string, never>>;

import { rejection } from "../support/helpers.js";

class Money {
  constructor(readonly cents: bigint) {}
}
const moneyTransformer: Transformer<Money> = {
  name: "Money",
  type: Money,
  literalType: ltype.simple(SimpleType.STRING),
  toLiteral: (m) => {
    if (m.cents < 0n) throw new Error("negative money");
    return lit.string(`${m.cents}`);
  },
  toValue: (l: Literal) => {
    const p = primitiveOf(l);
    if (p?.case !== "stringValue") throw new Error("expected a string literal");
    return new Money(BigInt(p.value));
  },
  guess: (lt) => lt.annotation?.annotations?.money === true,
};

describe("custom transformers", () => {
  it("convert registered classes, as the type itself and inside other schemas", async () => {
    const engine = createTypeEngine();
    engine.register(moneyTransformer);
    expect(await engine.toValue(await engine.toLiteral(new Money(5n), Money), Money)).toEqual(new Money(5n));
    const list = z.array(z.instanceof(Money));
    expect(await engine.toValue(await engine.toLiteral([new Money(1n)], list), list)).toEqual([new Money(1n)]);
  });
  it("tag union variants with the transformer's name", () => {
    const engine = createTypeEngine();
    engine.register(moneyTransformer);
    const lt = engine.literalType(z.union([z.instanceof(Money), z.int()]));
    expect(lt.type.case === "unionType" && lt.type.value.variants[0]?.structure?.tag).toBe("Money");
  });
  it("turn a throwing transformer into an issue with a path", async () => {
    const engine = createTypeEngine();
    engine.register(moneyTransformer);
    const e = await rejection(engine.toLiteral([new Money(1n), new Money(-1n)], z.array(z.instanceof(Money))));
    expect(e.code).toBe(ErrorCode.transformerFailed);
    expect(e.path).toBe("value[1]");
  });
  it("refuse a second registration for the same key unless overriding", () => {
    const engine = createTypeEngine();
    engine.register(moneyTransformer);
    expect(() => engine.register({ ...moneyTransformer, name: "Money2" })).toThrow(/already registered/);
    engine.register({ ...moneyTransformer, name: "Money2" }, { override: true });
    expect(engine.literalType(z.union([z.instanceof(Money), z.int()])).type.value).toMatchObject({
      variants: [{ structure: { tag: "Money2" } }, {}],
    });
  });
  it("key by a zod schema as well as by a class", async () => {
    const engine = createTypeEngine();
    const hex = z.string().regex(/^[0-9a-f]+$/);
    engine.register({
      name: "Hex",
      type: hex,
      literalType: ltype.simple(SimpleType.INTEGER),
      toLiteral: (s: string) => lit.integer(BigInt(`0x${s}`)),
      toValue: (l: Literal) => (primitiveOf(l)?.value ?? 0n).toString(16),
    });
    expect(await engine.toLiteral("ff", hex)).toEqual(lit.integer(255n));
    expect(await engine.toValue(lit.integer(255n), z.array(hex).element)).toBe("ff");
  });
  it("a class without a transformer is a loud error listing what exists", async () => {
    const engine = createTypeEngine();
    engine.register(moneyTransformer);
    class Other {}
    const e = await rejection(() => engine.literalType(Other));
    expect(e.code).toBe(ErrorCode.noTransformer);
    expect(e.message).toContain("Money");
  });
  it("registries are instances: one engine's registration does not leak into another", () => {
    const a = createTypeEngine();
    a.register(moneyTransformer);
    expect(() => createTypeEngine().literalType(Money)).toThrow(/no transformer/);
    expect(() => createTypeEngine({ registry: a.registry }).literalType(Money)).not.toThrow();
  });
  it("a registration made after compiling invalidates the compiled schema", () => {
    const registry = createDefaultRegistry();
    const engine = createTypeEngine({ registry });
    const s = z.array(z.instanceof(Money));
    expect(() => engine.literalType(s)).toThrow(/without a registered transformer/);
    registry.register(moneyTransformer);
    expect(engine.literalType(s).type.case).toBe("collectionType");
  });
  it("createRegistry takes any kind table", () => {
    expect(createRegistry(createDefaultRegistry().kinds).transformers()).toEqual([]);
  });
});

describe("unsupported schemas", () => {
  const engine = createTypeEngine();
  it("name the schema, its path and what is supported", async () => {
    const e = await rejection(() => engine.literalType(z.object({ a: z.array(z.symbol()) }).shape.a));
    expect(e.code).toBe(ErrorCode.unsupportedSchema);
    expect(e.path).toBe("type.element");
    expect(e.message).toContain("z.symbol()");
    expect(e.message).toContain("supported:");
  });
  it("refuse records keyed by anything but strings or integers", async () => {
    expect((await rejection(() => engine.literalType(z.record(z.enum(["a"]), z.int())))).code).toBe(
      ErrorCode.unsupportedSchema,
    );
  });
  it("carry recursive schemas as untyped msgpack, checked by zod", async () => {
    const Tree: z.ZodType = z.lazy(() => z.array(Tree));
    expect(engine.literalType(Tree).type).toEqual({ case: "simple", value: 9 });
    expect(await engine.toValue(await engine.toLiteral([[], [[]]], Tree), Tree)).toEqual([[], [[]]]);
    expect((await rejection(engine.toLiteral([1], Tree))).code).toBe(ErrorCode.validationFailed);
  });
  it("refuse things that are not schemas", async () => {
    expect((await rejection(() => engine.literalType(42 as never))).code).toBe(ErrorCode.unsupportedSchema);
  });
});

describe("zod checks run after conversion", () => {
  const engine = createTypeEngine();
  it("refinements and bounds report zod's message at our path", async () => {
    const e = await rejection(engine.toLiteral([1, 7], z.array(z.int().max(5))));
    expect(e.code).toBe(ErrorCode.validationFailed);
    expect(e.path).toBe("value[1]");
    const f = await rejection(engine.toValue(lit.string("nope"), z.email()));
    expect(f.code).toBe(ErrorCode.validationFailed);
  });
});

describe("typed interfaces", () => {
  const engine = createTypeEngine();
  const io = engine.interface({
    inputs: {
      xs: z.array(z.string()).describe("names"),
      a: z.int(),
      maybe: z.number().optional(),
      n: z.int().default(3),
    },
    outputs: { o: z.number() },
  });
  it("sort variables by name and carry descriptions", () => {
    expect(Object.keys(io.typedInterface.inputs?.variables ?? {})).toEqual(["a", "maybe", "n", "xs"]);
    expect(io.typedInterface.inputs?.variables.xs?.description).toBe("names");
    expect(io.typedInterface.outputs?.variables.o?.type?.type).toEqual({ case: "simple", value: SimpleType.FLOAT });
  });
  it("round-trip inputs, filling defaults and leaving out optional ones", async () => {
    const map = await io.toInputs({ a: 1, xs: ["x"] });
    expect(Object.keys(map.literals).sort()).toEqual(["a", "maybe", "n", "xs"]);
    expect(await io.fromInputs(map)).toEqual({ a: 1, xs: ["x"], maybe: undefined, n: 3 });
    expect(await io.fromOutputs(await io.toOutputs({ o: 2.5 }))).toEqual({ o: 2.5 });
  });
  it("report every bad input at once, by name", async () => {
    const e = await rejection(io.toInputs({ a: "1", xs: [1] } as never));
    expect(e.issues.map((i) => i.path)).toEqual(["inputs.a", "inputs.xs[0]"]);
  });
  it("refuse missing required and unknown inputs when reading", async () => {
    const e = await rejection(io.fromInputs(lit.literalMap({ zz: lit.integer(1n) })));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      ["inputs.a", ErrorCode.missingValue],
      ["inputs.xs", ErrorCode.missingValue],
      ["inputs.zz", ErrorCode.unexpectedValue],
    ]);
  });
  it("refuse unknown names when writing", async () => {
    expect((await rejection(io.toOutputs({ o: 1, p: 2 } as never))).code).toBe(ErrorCode.unexpectedValue);
  });
  it("a side left out has no variables; a side that is not an object is a typed error naming it", async () => {
    const inputsOnly = engine.interface({ inputs: { a: z.int() } });
    expect(inputsOnly.typedInterface.outputs?.variables).toEqual({});
    expect((await inputsOnly.toOutputs({})).literals).toEqual({});
    expect(Object.keys(engine.interface({}).typedInterface.inputs?.variables ?? {})).toEqual([]);
    expect(
      Object.keys((engine.interface as (s?: unknown) => TypedIOAny)().typedInterface.inputs?.variables ?? {}),
    ).toEqual([]);
    for (const bad of [null, 5, "a", [z.int()], new Map([["a", z.int()]]), new (class Spec {})()]) {
      const e = await rejection(() => engine.interface({ outputs: bad as never }));
      expect(e.code).toBe(ErrorCode.unsupportedSchema);
      expect(e.issues[0]?.path).toBe("outputs");
      expect(e.message).toContain("expected an object of named types");
    }
    expect((await rejection(() => engine.interface(5 as never))).issues[0]?.path).toBe("interface");
  });

  it("a zod object given as a side is refused with the fix named; __proto__ cannot name a variable", async () => {
    const e = await rejection(() => engine.interface({ inputs: z.object({ a: z.int() }) as never }));
    expect(e.message).toContain("pass its .shape");
    // An own "__proto__" key, as JSON.parse or a computed key makes one.
    const proto = Object.defineProperty({}, "__proto__", { value: z.int(), enumerable: true });
    const p = await rejection(() => engine.interface({ inputs: proto as never }));
    expect([p.code, p.issues[0]?.path]).toEqual([ErrorCode.unsupportedSchema, "inputs.__proto__"]);
  });
});

describe("guessType", () => {
  const engine = createTypeEngine();
  it("reads Python's outputs without a declared schema, losslessly", async () => {
    const lt = engine.literalType(z.record(z.string(), z.array(z.union([z.int(), z.date(), z.null()]))));
    const guessed = engine.guessType(lt);
    expect(engine.literalType(guessed)).toEqual(lt);
    const value = await engine.toValue(lit.map({ k: lit.collection([lit.integer(2n ** 62n)]) }), guessed);
    expect(value).toEqual({ k: [2n ** 62n] });
  });
  it("keeps a map of schemaless records a map, not one untyped dict", async () => {
    const lt = engine.literalType(z.record(z.string(), z.record(z.int(), z.int())));
    const guessed = engine.guessType(lt);
    expect(engine.literalType(guessed)).toEqual(lt);
    const l = await engine.toLiteral({ a: { 1: 2 } }, z.record(z.string(), z.record(z.int(), z.int())));
    expect(await engine.toValue(l, guessed)).toEqual({ a: { 1: 2 } });
    expect(await engine.toValue(lit.map({}), guessed)).toEqual({});
  });
  it("answers with a registered transformer's type when its guess claims the type", () => {
    const e = createTypeEngine();
    e.register(moneyTransformer);
    const lt = ltype.simple(SimpleType.STRING);
    lt.annotation = { $typeName: "flyteidl.core.TypeAnnotation", annotations: { money: true } };
    expect(e.guessType(lt)).toBe(Money);
    expect(e.guessType(ltype.simple(SimpleType.STRING))).not.toBe(Money);
  });
  it("a literal type nothing guesses is an error listing the guessable ones", async () => {
    const e = await rejection(() => engine.guessType(ltype.simple(SimpleType.ERROR)));
    expect(e.code).toBe(ErrorCode.noTransformer);
    expect(e.message).toContain("simple:INTEGER");
  });
});

describe("types", () => {
  it("toValue is typed as the schema's output, toLiteral takes it as input", () => {
    // Only the types are checked here; none of these functions is called.
    const engine = createTypeEngine();
    const list = () => engine.toValue(lit.none(), z.array(z.int().nullable()));
    expectTypeOf(list).returns.resolves.toEqualTypeOf<(number | null)[]>();
    expectTypeOf(() => engine.toValue(lit.none(), timestamp())).returns.resolves.toEqualTypeOf<Timestamp>();
    expectTypeOf(() => engine.toValue(lit.none(), Money)).returns.resolves.toEqualTypeOf<Money>();
    const io = engine.interface({
      inputs: { a: z.int(), b: z.string().optional(), c: z.int().default(1) },
      outputs: {},
    });
    expectTypeOf(io.fromInputs).returns.resolves.toEqualTypeOf<{ a: number; c: number } & { b?: string | undefined }>();
    expectTypeOf(io.toInputs)
      .parameter(0)
      .toEqualTypeOf<{ a: number } & { b?: string | undefined; c?: number | undefined }>();
    // @ts-expect-error a string is not the value of z.int()
    const wrong = () => engine.toLiteral("x", z.int());
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf<Duration>().toEqualTypeOf<{ readonly seconds: bigint; readonly nanos: number }>();
  });
});

describe("literals a newer writer wrote", () => {
  it("a union whose variant type carries unknown fields still reads as its variant", async () => {
    const engine = createTypeEngine();
    const schema = z.int().nullable();
    const literal = await engine.toLiteral(3, schema);
    // What decodeLiteral keeps of a field this flyteidl does not know (Flyte 2's IDL adds some).
    Object.assign(readLiteral.union(literal).type, { $unknown: [{ no: 100, wireType: 0, data: Uint8Array.of(1) }] });
    expect(await engine.toValue(literal, schema)).toBe(3);
  });
});
