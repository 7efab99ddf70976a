// STRING: `z.string()` (any string format or check; checks are run by zod).
import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";
import { exactPrimitiveCodec } from "./shared/exact-primitive.js";

export const stringKind: KindHandler<"string"> = {
  compile: (desc) =>
    exactPrimitiveCodec(desc, {
      typeOf: "string",
      primitive: "stringValue",
      literalType: ltype.simple(SimpleType.STRING),
      simpleName: "STRING",
      jsonType: "string",
      tag: "str",
      make: lit.string,
    }),
  guess: { keys: ["simple:STRING"], schema: () => z.string() },
};
