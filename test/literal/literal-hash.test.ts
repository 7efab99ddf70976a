// flytekit's literal hash on literals nested past anything protobuf can carry: a typed error, never a stack overflow.
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/index.js";
import { computeHashString, type Literal, LiteralSchema, lit } from "../../src/literal/index.js";
import { rejection } from "../support/helpers.js";

const nested = (levels: number, wrap: (l: Literal) => Literal) => {
  let l = lit.integer(1n);
  for (let i = 0; i < levels; i++) l = wrap(l);
  return l;
};
const inList = (l: Literal) => lit.collection([l]);
const inMap = (l: Literal) => lit.map({ k: l });

describe("computeHashString on deeply nested literals", () => {
  it("hashes the deepest list Python's protobuf reads (49 levels: 100 messages below the top one)", () => {
    // What flytekit 1.16's compute_hash_string gives for these bytes.
    expect(computeHashString(LiteralSchema, nested(49, inList))).toBe("dNAKEBoFlWjrQuRZwyXeTOHqEIG+wcDuiaL9XQtvwis=");
  });
  it("refuses one level more with a typed error that says so", async () => {
    const e = await rejection(() => computeHashString(LiteralSchema, nested(50, inList)));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.message).toBe("flyteidl.core.Literal nests messages deeper than 100 levels, too deep to hash");
  });
  it("refuses nesting that overflowed the stack before, in lists and in maps", async () => {
    for (const l of [nested(5000, inList), nested(5000, inMap)]) {
      expect((await rejection(() => computeHashString(LiteralSchema, l))).code).toBe(ErrorCode.invalidLiteral);
    }
  });
});
