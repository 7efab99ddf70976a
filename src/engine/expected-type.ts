// The expected LiteralType decides the form, as in flytekit: a `z.record(z.string(), T)` is written as a LiteralMap
// unless the receiving side declared STRUCT (a Python `dict`), then as msgpack. `retarget` rewrites a descriptor
// for an expected type; it returns the same descriptor when nothing changes, so the usual codec is used.
import type { TypeDesc } from "../codec/descriptor.js";
import { type LiteralType, SimpleType } from "../literal/model.js";

export function retarget(desc: TypeDesc, expected: LiteralType): TypeDesc {
  const t = expected.type;
  switch (desc.kind) {
    case "map": {
      if (t.case === "simple" && t.value === SimpleType.STRUCT) return desc.msgpack ? desc : { ...desc, msgpack: true };
      if (t.case !== "mapValueType") return desc;
      const value = retarget(desc.value, t.value);
      return value === desc.value ? desc : { ...desc, value };
    }
    case "list": {
      if (t.case !== "collectionType") return desc;
      const element = retarget(desc.element, t.value);
      return element === desc.element ? desc : { ...desc, element };
    }
    case "union": {
      if (t.case !== "unionType" || t.value.variants.length !== desc.variants.length) return desc;
      const variants = desc.variants.map((v, i) => retarget(v, t.value.variants[i] as LiteralType));
      return variants.every((v, i) => v === desc.variants[i]) ? desc : { ...desc, variants };
    }
    case "hashed": {
      const inner = retarget(desc.inner, expected);
      return inner === desc.inner ? desc : { ...desc, inner };
    }
    default:
      return desc;
  }
}
