// flytekit's own bytes (fixtures/golden/flytekit.json, written by test/python/generate_golden.py) against ours.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTypeEngine } from "../../src/index.js";
import { decodeLiteral, encodeLiteral, encodeLiteralType } from "../../src/literal/index.js";
import { fromNeutral, schemas } from "../support/schema-cases.js";

interface Case {
  name: string;
  schema: string;
  value: unknown;
  literalType: string;
  literal: string;
}
const golden = JSON.parse(readFileSync(new URL("../../fixtures/golden/flytekit.json", import.meta.url), "utf8")) as {
  producer: string;
  cases: Case[];
};
const engine = createTypeEngine();
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe(`golden literals from ${golden.producer}`, () => {
  it("has the cases", () => expect(golden.cases.length).toBeGreaterThanOrEqual(40));
  for (const c of golden.cases) {
    const schema = schemas[c.schema];
    if (schema === undefined) throw new Error(`no schema ${c.schema}`);
    const value = fromNeutral(c.value, c.schema);
    it(`${c.name}: LiteralType bytes equal`, () => {
      expect(hex(encodeLiteralType(engine.literalType(schema), { deterministic: true }))).toBe(c.literalType);
    });
    it(`${c.name}: Literal bytes equal`, async () => {
      const literal = await engine.toLiteral(value as never, schema);
      expect(hex(encodeLiteral(literal, { deterministic: true }))).toBe(c.literal);
    });
    it(`${c.name}: reads flytekit's literal`, async () => {
      const back = await engine.toValue(decodeLiteral(Buffer.from(c.literal, "hex")), schema);
      expect(back).toEqual(value);
    });
  }
});
