// BOOLEAN: `z.boolean()`. Never an integer, in either direction, as in flytekit.
import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";
import { exactPrimitiveCodec } from "./shared/exact-primitive.js";

export const boolKind: KindHandler<"bool"> = {
  compile: (desc) =>
    exactPrimitiveCodec(desc, {
      typeOf: "boolean",
      primitive: "boolean",
      literalType: ltype.simple(SimpleType.BOOLEAN),
      simpleName: "BOOLEAN",
      jsonType: "boolean",
      tag: "bool",
      make: lit.boolean,
    }),
  guess: { keys: ["simple:BOOLEAN"], schema: () => z.boolean() },
};
