// The specialised Literal reader and writer against protobuf-es on random literal trees: same bytes, same messages,
// and on mutated bytes nothing protobuf-es would refuse.
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBinaryDeterministic } from "../../src/literal/deterministic.js";
import {
  type Literal,
  type LiteralMap,
  LiteralMapSchema,
  LiteralSchema,
  lit,
  ltype,
  SimpleType,
} from "../../src/literal/index.js";
import { readLiteral, readLiteralMap } from "../../src/literal/literal-reader.js";
import { writeLiteral, writeLiteralMap } from "../../src/literal/literal-writer.js";

const key = fc.oneof(fc.string(), fc.constantFrom("10", "2", "a", "é", "𝄞", "\uffff", "__proto__"));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const types = [
  ltype.simple(SimpleType.INTEGER),
  ltype.tagged(ltype.simple(SimpleType.NONE), "none"),
  ltype.enum(["a", "b"]),
];

const { literal } = fc.letrec<{ literal: Literal }>((tie) => ({
  literal: fc
    .tuple(
      fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        int64.map(lit.integer),
        fc.double().map(lit.float),
        fc.string({ unit: "grapheme" }).map(lit.string),
        fc.boolean().map(lit.boolean),
        fc.record({ seconds: int64, nanos: fc.integer({ min: -999_999_999, max: 999_999_999 }) }).map(lit.datetime),
        fc.record({ seconds: int64, nanos: fc.integer({ min: -999_999_999, max: 999_999_999 }) }).map(lit.duration),
        fc.constant(null).map(() => lit.none()),
        fc
          .tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("msgpack", "", "x"))
          .map(([b, t]) => lit.binary(b, t)),
        fc.tuple(tie("literal"), fc.constantFrom(...types)).map(([v, t]) => lit.union(v, t)),
        fc.array(tie("literal"), { maxLength: 4 }).map(lit.collection),
        fc.dictionary(key, tie("literal"), { maxKeys: 4 }).map(lit.map),
        fc.string().map((uri) =>
          create(LiteralSchema, {
            value: { case: "scalar", value: { value: { case: "blob", value: { uri, metadata: {} } } } },
          }),
        ),
        fc
          .dictionary(key, fc.oneof(fc.double({ noNaN: true }), fc.string(), fc.boolean()))
          .map((generic) =>
            create(LiteralSchema, { value: { case: "scalar", value: { value: { case: "generic", value: generic } } } }),
          ),
        fc.tuple(fc.string(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })).map(([uri, sizeBytes]) =>
          create(LiteralSchema, {
            value: { case: "offloadedMetadata", value: { uri, sizeBytes, inferredType: types[0] } },
          }),
        ),
      ),
      fc.option(fc.string(), { nil: undefined }),
      fc.option(fc.dictionary(key, fc.string(), { maxKeys: 3 }), { nil: undefined }),
    )
    .map(([l, hash, metadata]) => {
      if (hash !== undefined) l.hash = hash;
      if (metadata !== undefined) l.metadata = metadata;
      return l;
    }),
}));
const literalMap = fc.dictionary(key, literal, { maxKeys: 5 }).map(lit.literalMap);

const runs = { numRuns: 300 };

/** Same message: protobuf-es's equals says NaN ≠ NaN, so compare what protobuf-es writes for each. */
const same = <T extends Literal | LiteralMap>(schema: typeof LiteralSchema | typeof LiteralMapSchema, a: T, b: T) =>
  Buffer.from(toBinary(schema as typeof LiteralSchema, a as Literal)).equals(
    toBinary(schema as typeof LiteralSchema, b as Literal),
  );

describe("specialised Literal codec", () => {
  it("writes the bytes protobuf-es writes", () => {
    fc.assert(
      fc.property(literal, (l) => {
        expect(writeLiteral(l, false)).toEqual(toBinary(LiteralSchema, l));
        expect(writeLiteral(l, true)).toEqual(toBinaryDeterministic(LiteralSchema, l));
      }),
      runs,
    );
    fc.assert(
      fc.property(literalMap, (m) => {
        expect(writeLiteralMap(m, false)).toEqual(toBinary(LiteralMapSchema, m));
        expect(writeLiteralMap(m, true)).toEqual(toBinaryDeterministic(LiteralMapSchema, m));
      }),
      runs,
    );
  });
  it("reads what protobuf-es reads", () => {
    fc.assert(
      fc.property(literal, (l) => {
        const bytes = toBinary(LiteralSchema, l);
        expect(same(LiteralSchema, readLiteral(bytes), fromBinary(LiteralSchema, bytes))).toBe(true);
      }),
      runs,
    );
    fc.assert(
      fc.property(literalMap, (m) => {
        const bytes = toBinary(LiteralMapSchema, m);
        expect(same(LiteralMapSchema, readLiteralMap(bytes), fromBinary(LiteralMapSchema, bytes))).toBe(true);
      }),
      runs,
    );
  });
  // protobuf-es reads past a sub-message's declared length (a Scalar of length 1 may borrow its parent's bytes);
  // we refuse such bytes. So: whatever protobuf-es refuses we refuse, and whatever we read it reads the same.
  it("on mutated bytes, never accepts what protobuf-es refuses, and reads the same when it accepts", () => {
    const mutated = fc.tuple(
      literal,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(mutated, ([l, edits]) => {
        const bytes = toBinary(LiteralSchema, l).slice();
        if (bytes.length === 0) return;
        for (const [at, b] of edits) bytes[at % bytes.length] = b;
        const attempt = (read: () => Literal) => {
          try {
            return read();
          } catch {
            return undefined;
          }
        };
        const ours = attempt(() => readLiteral(bytes));
        const theirs = attempt(() => fromBinary(LiteralSchema, bytes));
        if (theirs === undefined) expect(ours).toBeUndefined();
        if (ours !== undefined && theirs !== undefined) expect(same(LiteralSchema, ours, theirs)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
