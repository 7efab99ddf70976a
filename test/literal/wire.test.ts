// Bytes: deterministic encoding, Flyte 2 bytes, the constructors against protobuf-es, and bad input.
import { readFileSync } from "node:fs";
import { create, equals } from "@bufbuild/protobuf";
import { BinaryReader } from "@bufbuild/protobuf/wire";
import { describe, expect, it } from "vitest";
import { ErrorCode, lit, ltype, SimpleType } from "../../src/index.js";
import { toBinaryDeterministic } from "../../src/literal/deterministic.js";
import * as model from "../../src/literal/index.js";
import {
  decodeLiteral,
  decodeLiteralMap,
  decodeLiteralType,
  encodeLiteral,
  encodeLiteralMap,
  encodeLiteralType,
} from "../../src/literal/index.js";
import { hex, rejection } from "../support/helpers.js";

const golden = JSON.parse(readFileSync(new URL("../../fixtures/golden/flytekit.json", import.meta.url), "utf8")) as {
  flyteidl2: { literalWithArtifactId: string; literalMapWithArtifactId: string };
};

/** The keys of a LiteralMap's entries in the order the bytes hold them. */
function entryKeys(bytes: Uint8Array): string[] {
  const keys: string[] = [];
  const r = new BinaryReader(bytes);
  while (r.pos < r.len) {
    r.tag();
    const entry = new BinaryReader(r.bytes());
    entry.tag();
    keys.push(entry.string());
  }
  return keys;
}

describe("deterministic encoding", () => {
  it("orders map keys as Python's protobuf (upb) does: UTF-8 bytes, and a key before its own prefixes", () => {
    const keys = ["2", "10", "\uffff", "𝄞", "a", "aa", "ab", "", "b\u0000", "b"];
    const m = lit.literalMap(Object.fromEntries(keys.map((k) => [k, lit.none()])));
    const decoded = decodeLiteralMap(encodeLiteralMap(m, { deterministic: true }));
    expect(equals(model.LiteralMapSchema, decoded, m)).toBe(true);
    // What SerializeToString(deterministic=True) writes for these keys with protobuf 7 (upb), as flytekit runs it.
    const python = ["10", "2", "aa", "ab", "a", "b\u0000", "b", "\uffff", "𝄞", ""];
    expect(entryKeys(encodeLiteralMap(m, { deterministic: true }))).toEqual(python);
    expect(entryKeys(toBinaryDeterministic(model.LiteralMapSchema, m))).toEqual(python);
  });
  it("writes the same bytes as protobuf-es for messages without maps", () => {
    const l = lit.union(
      lit.collection([lit.float(1.5), lit.string("")]),
      ltype.tagged(ltype.collection(ltype.simple(SimpleType.FLOAT)), "Typed List"),
    );
    expect(hex(encodeLiteral(l, { deterministic: true }))).toBe(hex(encodeLiteral(l)));
  });
  it("writes oneof zero values and present-but-empty messages", () => {
    expect(hex(encodeLiteral(lit.integer(0n), { deterministic: true }))).toBe("0a040a020800");
    expect(hex(encodeLiteral(lit.boolean(false), { deterministic: true }))).toBe("0a040a022000");
    expect(hex(encodeLiteralType(ltype.simple(SimpleType.NONE), { deterministic: true }))).toBe("0800");
    expect(hex(encodeLiteral(lit.none(), { deterministic: true }))).toBe("0a022a00");
  });
});

describe("Flyte 2 bytes", () => {
  it("decode a literal with artifact_id (field 9) and keep it when re-encoding", () => {
    const bytes = Buffer.from(golden.flyteidl2.literalWithArtifactId, "hex");
    const l = decodeLiteral(bytes);
    expect(l.value.case).toBe("scalar");
    expect(hex(encodeLiteral(l, { deterministic: true }))).toBe(golden.flyteidl2.literalWithArtifactId);
    expect(hex(encodeLiteral(l))).toBe(golden.flyteidl2.literalWithArtifactId);
    const m = decodeLiteralMap(Buffer.from(golden.flyteidl2.literalMapWithArtifactId, "hex"));
    expect(hex(encodeLiteralMap(m, { deterministic: true }))).toBe(golden.flyteidl2.literalMapWithArtifactId);
  });
});

describe("literal constructors", () => {
  it("build exactly what create() builds", () => {
    const cases = [
      [
        lit.integer(1n),
        {
          value: {
            case: "scalar",
            value: { value: { case: "primitive", value: { value: { case: "integer", value: 1n } } } },
          },
        },
      ],
      [lit.none(), { value: { case: "scalar", value: { value: { case: "noneType", value: {} } } } }],
      [lit.collection([]), { value: { case: "collection", value: { literals: [] } } }],
      [lit.map({}), { value: { case: "map", value: { literals: {} } } }],
    ] as const;
    for (const [built, init] of cases) {
      const made = create(model.LiteralSchema, init as never);
      expect(built).toStrictEqual(made);
    }
    expect(ltype.simple(SimpleType.STRING)).toStrictEqual(
      create(model.LiteralTypeSchema, { type: { case: "simple", value: SimpleType.STRING } }),
    );
  });
});

describe("bad bytes", () => {
  it("are a typed decode error, never a crash", async () => {
    for (const bytes of [Uint8Array.of(0x0a, 0xff), Uint8Array.of(0xff, 0xff, 0xff), Uint8Array.of(0x0a, 0x05, 0x01)]) {
      expect((await rejection(() => decodeLiteral(bytes))).code).toBe(ErrorCode.decodeFailed);
    }
    expect((await rejection(() => decodeLiteralType(Uint8Array.of(0x12, 0x09)))).code).toBe(ErrorCode.decodeFailed);
  });
});
