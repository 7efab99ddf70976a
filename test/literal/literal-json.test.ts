// flyteidl messages to protobuf JSON and back from the root entry; JSON that is not the message is a typed error.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, ErrorCode } from "../../src/index.js";
import {
  literalFromJson,
  literalMapFromJson,
  literalMapToJson,
  literalToJson,
  literalTypeFromJson,
  literalTypeToJson,
  typedInterfaceFromJson,
  typedInterfaceToJson,
} from "../../src/literal/index.js";
import { rejection } from "../support/helpers.js";

describe("literal JSON", () => {
  const engine = createTypeEngine();

  it("round-trips a literal, a map, a LiteralType and a TypedInterface; int64 as strings", async () => {
    const schema = z.object({ n: z.bigint(), xs: z.array(z.int()) }).meta({ title: "R" });
    const literal = await engine.toLiteral({ n: 2n ** 62n, xs: [1, 2] }, schema);
    expect(literalFromJson(literalToJson(literal))).toEqual(literal);
    const ints = await engine.toLiteral([2 ** 40], z.array(z.int()));
    expect(JSON.stringify(literalToJson(ints))).toContain('"1099511627776"');
    const io = engine.interface({ inputs: { a: z.int() }, outputs: { o: schema } });
    const map = await io.toInputs({ a: 1 });
    expect(literalMapFromJson(literalMapToJson(map))).toEqual(map);
    const lt = engine.literalType(schema);
    expect(literalTypeFromJson(literalTypeToJson(lt))).toEqual(lt);
    expect(typedInterfaceFromJson(typedInterfaceToJson(io.typedInterface))).toEqual(io.typedInterface);
  });

  it("JSON nested far deeper than any literal is a decode_failed error in bounded time, not a crash", async () => {
    let json: unknown = { scalar: { primitive: { integer: "1" } } };
    for (let i = 0; i < 100_000; i++) json = { collection: { literals: [json] } };
    const t0 = performance.now();
    const e = await rejection(() => literalFromJson(json as never));
    expect(e.code).toBe(ErrorCode.decodeFailed);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it.each([
    ["an unknown field", { nope: 1 }],
    ["a wrong type", { scalar: { primitive: { integer: "x" } } }],
    ["not an object", 5],
  ])("%s is a decode_failed error", async (_what, json) => {
    const e = await rejection(() => literalFromJson(json as never));
    expect(e.code).toBe(ErrorCode.decodeFailed);
    expect(e.message).toContain("not a Literal");
  });
});
