// One reading of zod schemas for every use: a schema is an INTEGER as a value, as a list element and as a dataset
// column alike, whichever spelling of an integer it uses.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTypeEngine, structuredDataset } from "../../src/index.js";
import * as model from "../../src/literal/index.js";

const S = model.SimpleType;
const engine = createTypeEngine();

const integers = {
  "z.int()": z.int(),
  "z.number().int()": z.number().int(),
  "z.int32()": z.int32(),
  "z.uint32()": z.uint32(),
} as const;

describe("integer spellings", () => {
  for (const [name, schema] of Object.entries(integers)) {
    it(`${name} is INTEGER as a value, a list element and a dataset column`, async () => {
      expect(engine.literalType(schema)).toEqual(model.ltype.simple(S.INTEGER));
      expect(engine.literalType(z.array(schema))).toEqual(model.ltype.collection(model.ltype.simple(S.INTEGER)));
      const lit = await engine.toLiteral(7, schema);
      expect(lit.value.case === "scalar" && lit.value.value.value.case).toBe("primitive");
      expect(await engine.toValue(lit, schema)).toBe(7);

      const t = engine.literalType(structuredDataset({ columns: z.object({ n: schema, m: schema.optional() }) })).type;
      expect(t.case).toBe("structuredDatasetType");
      if (t.case !== "structuredDatasetType") return;
      expect(t.value.columns.map((c) => c.literalType)).toEqual([
        model.ltype.simple(S.INTEGER),
        model.ltype.simple(S.INTEGER),
      ]);
    });
  }

  it("z.number() stays FLOAT in both places", () => {
    expect(engine.literalType(z.number())).toEqual(model.ltype.simple(S.FLOAT));
    const t = engine.literalType(structuredDataset({ columns: z.object({ x: z.number() }) })).type;
    expect(t.case === "structuredDatasetType" && t.value.columns[0]?.literalType).toEqual(model.ltype.simple(S.FLOAT));
  });

  it("int32 bounds are checked by zod after conversion", async () => {
    await expect(engine.toLiteral(2 ** 31, z.int32())).rejects.toMatchObject({ code: "validation_failed" });
    await expect(engine.toLiteral(-1, z.uint32())).rejects.toMatchObject({ code: "validation_failed" });
  });
});
