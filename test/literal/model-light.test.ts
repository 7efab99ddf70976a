// The light model (src/literal/model.ts) stands in for the generated one on the root entry's path: its enums must
// be the generated enums, value for value and name for name, and its constructors what create() builds.
import { create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as generated from "../../src/literal/descriptors.js";
import { copyMessage, sameMessage } from "../../src/literal/message-equal.js";
import { BlobType_BlobDimensionality, type LiteralType, lit, ltype, SimpleType } from "../../src/literal/model.js";

/** LiteralTypes of every shape the engine builds, small. */
const literalTypes: fc.Arbitrary<LiteralType> = fc.letrec<{ t: LiteralType }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: 0, max: 9 }).map((v) => ltype.simple(v)),
    fc.tuple(fc.constantFrom("", "csv", "parquet"), fc.boolean()).map(([f, m]) => ltype.blob(f, m)),
    fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 }).map((v) => ltype.enum(v)),
    tie("t").map((t) => ltype.collection(t)),
    tie("t").map((t) => ltype.map(t)),
    fc.array(tie("t"), { maxLength: 3 }).map((v) => ltype.union(v)),
    fc.tuple(tie("t"), fc.constantFrom("int", "str")).map(([t, tag]) => ltype.tagged(t, tag)),
  ),
})).t;

describe("the light model", () => {
  it("SimpleType and BlobType_BlobDimensionality are the generated enums' objects", () => {
    expect({ ...SimpleType }).toEqual({ ...generated.SimpleType });
    expect({ ...BlobType_BlobDimensionality }).toEqual({ ...generated.BlobType_BlobDimensionality });
    expect(Object.isFrozen(SimpleType)).toBe(true);
  });

  it("its constructors build what create() builds", () => {
    expect(lit.integer(3n)).toEqual(
      create(generated.LiteralSchema, {
        value: {
          case: "scalar",
          value: { value: { case: "primitive", value: { value: { case: "integer", value: 3n } } } },
        },
      }),
    );
    expect(ltype.simple(SimpleType.STRING)).toEqual(
      create(generated.LiteralTypeSchema, { type: { case: "simple", value: generated.SimpleType.STRING } }),
    );
    expect(ltype.blob("csv", true)).toEqual(
      create(generated.LiteralTypeSchema, {
        type: {
          case: "blob",
          value: { format: "csv", dimensionality: generated.BlobType_BlobDimensionality.MULTIPART },
        },
      }),
    );
  });

  it("sameMessage answers what protobuf-es's equals() answers, and copyMessage copies", () => {
    const decoded = (t: LiteralType) =>
      fromBinary(generated.LiteralTypeSchema, toBinary(generated.LiteralTypeSchema, t));
    fc.assert(
      fc.property(literalTypes, literalTypes, (a, b) => {
        expect(sameMessage(a, b)).toBe(equals(generated.LiteralTypeSchema, a, b));
        // The same type as protobuf-es decodes it (every field present, create()'s shape) is still the same.
        expect(sameMessage(a, decoded(a))).toBe(true);
        const copy = copyMessage(a);
        expect(copy).not.toBe(a);
        expect(sameMessage(copy, a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("sameMessage agrees with equals() on unknown fields, fields left at their default, empty maps and set messages", () => {
    const schema = generated.LiteralTypeSchema;
    const int = ltype.simple(SimpleType.INTEGER);
    const withUnknown = { ...int, $unknown: [{ no: 100, wireType: 0, data: Uint8Array.of(1) }] };
    const partialBlob = {
      $typeName: "flyteidl.core.LiteralType",
      type: { case: "blob", value: { $typeName: "flyteidl.core.BlobType", format: "csv" } },
    } as unknown as LiteralType;
    const emptyMap = ltype.tagged(int, "");
    const noMap = {
      ...int,
      structure: { $typeName: "flyteidl.core.TypeStructure", tag: "" },
    } as unknown as LiteralType;
    const emptyStructure = { ...int, structure: create(generated.TypeStructureSchema) };
    const cases: [LiteralType, LiteralType][] = [
      [withUnknown, int],
      [ltype.tagged(int, "a"), ltype.tagged(int, "b")],
      [emptyStructure, int],
      [emptyStructure, emptyMap],
      [ltype.enum([]), ltype.enum([""])],
      [ltype.union([]), { ...ltype.union([]), type: { case: undefined } } as LiteralType],
    ];
    for (const [a, b] of cases) {
      expect(
        sameMessage(a, b),
        JSON.stringify([a, b], (_, v) => (typeof v === "bigint" ? String(v) : v)),
      ).toBe(equals(schema, a, b));
      expect(sameMessage(b, a)).toBe(equals(schema, b, a));
    }
    // A hand-built message missing a field is outside equals()'s contract (create() fills every field; equals()
    // counts a missing enum as set, and throws on a missing map). Here it is the field's default, as on the wire, where both are absent.
    expect(sameMessage(partialBlob, ltype.blob("csv", false))).toBe(true);
    expect(sameMessage(partialBlob, ltype.blob("csv", true))).toBe(false);
    expect(sameMessage(noMap, emptyMap)).toBe(true);
  });
});
