// Whether a literal has the shape its LiteralType promises: the check Flyte's propeller makes between tasks, so a
// transformer whose literals disagree with its declared type is caught before a workflow is.
import { typesCastable } from "../literal/literal-types.js";
import { type Literal, type LiteralType, SimpleType } from "../literal/model.js";

const PRIMITIVE: Partial<Record<SimpleType, string>> = {
  [SimpleType.INTEGER]: "integer",
  [SimpleType.FLOAT]: "floatValue",
  [SimpleType.STRING]: "stringValue",
  [SimpleType.BOOLEAN]: "boolean",
  [SimpleType.DATETIME]: "datetime",
  [SimpleType.DURATION]: "duration",
};

/** Why `literal` does not fit `type`, or undefined when it does. */
export function misfit(literal: Literal, type: LiteralType, at = "literal"): string | undefined {
  const v = literal.value;
  const scalar = v.case === "scalar" ? v.value.value : undefined;
  const t = type.type;
  switch (t.case) {
    case "simple": {
      const want = PRIMITIVE[t.value];
      if (want !== undefined) {
        return scalar?.case === "primitive" && scalar.value.value.case === want ? undefined : `${at} is not ${want}`;
      }
      if (t.value === SimpleType.NONE) return scalar?.case === "noneType" ? undefined : `${at} is not none`;
      if (t.value === SimpleType.STRUCT) {
        return scalar?.case === "binary" || scalar?.case === "generic" ? undefined : `${at} is not a struct`;
      }
      return undefined;
    }
    case "collectionType":
      if (v.case !== "collection") return `${at} is not a collection`;
      for (const [i, x] of v.value.literals.entries()) {
        const r = misfit(x, t.value, `${at}[${i}]`);
        if (r !== undefined) return r;
      }
      return undefined;
    case "mapValueType":
      if (v.case !== "map") return `${at} is not a map`;
      for (const [k, x] of Object.entries(v.value.literals)) {
        const r = misfit(x, t.value, `${at}[${JSON.stringify(k)}]`);
        if (r !== undefined) return r;
      }
      return undefined;
    case "enumType":
      return scalar?.case === "primitive" &&
        scalar.value.value.case === "stringValue" &&
        t.value.values.includes(scalar.value.value.value)
        ? undefined
        : `${at} is not one of the enum's values`;
    case "unionType": {
      if (scalar?.case !== "union") return `${at} is not a union value`;
      const stored = scalar.value.type;
      const inner = scalar.value.value;
      if (stored === undefined || inner === undefined) return `${at} is a union value without its type or value`;
      if (!t.value.variants.some((variant) => typesCastable(stored, variant))) {
        return `${at} is a union value of a type that is none of the variants`;
      }
      return misfit(inner, stored, `${at}.value`);
    }
    case "blob":
      return scalar?.case === "blob" ? undefined : `${at} is not a blob`;
    case "structuredDatasetType":
      return scalar?.case === "structuredDataset" ? undefined : `${at} is not a structured dataset`;
    default:
      return undefined;
  }
}
