// Records: `z.object({...})` ⇄ STRUCT with msgpack, as flytekit and Flyte 2 write pydantic models and dataclasses.
// The value is one msgpack map, fields in declaration order; the LiteralType carries the JSON Schema (`metadata`),
// the msgpack annotation and each field's LiteralType (`structure.dataclass_type`) for attribute access.
//
// Unknown keys follow zod: dropped (z.object), refused (z.strictObject), kept (z.looseObject). Inside a union's
// first pass they are refused, so of two record variants the one that declares every key of the value wins; two
// structurally equal variants are ambiguous, as Python says.

import type { Codec, KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import type { FieldDesc } from "../src/codec/descriptor.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { needsWireTypes } from "../src/codec/msgpack-wire.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { type LiteralType, lit } from "../src/literal/model.js";
import { type JsonObject, jsonOf, pydanticTitle, SchemaGen } from "../src/msgpack/json-schema.js";
import { type MsgpackWriter, writeMsgpack } from "../src/msgpack/msgpack-writer.js";
import { type Dict, isBuiltinValue, isPlainObject, setOwn } from "./shared/objects.js";
import { guessStruct } from "./shared/struct-guess.js";
import { structLiteralType } from "./shared/struct-type.js";
import { packUntyped } from "./shared/untyped-values.js";

type Field = FieldDesc & { readonly codec: Codec };

/**
 * pydantic titles a field unless its schema is a reference (a model, a named enum), alone or made optional:
 * `inner: Optional[Inner]` has no title, `u: Union[A, B]` has one.
 */
function isRef(s: JsonObject): boolean {
  if ("$ref" in s) return true;
  const anyOf = s.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const [a, b] = anyOf as JsonObject[];
  const isNull = (x: JsonObject | undefined) => x?.type === "null" && Object.keys(x).length === 1;
  return (isNull(b) && a !== undefined && "$ref" in a) || (isNull(a) && b !== undefined && "$ref" in b);
}

export const structKind: KindHandler<"struct"> = {
  compile(desc, child) {
    const fields: Field[] = desc.fields.map((f) => ({ ...f, codec: child(f.type) }));
    const declared = new Set(fields.map((f) => f.name));
    const extraKeys = (value: object): string[] => Object.keys(value).filter((k) => !declared.has(k));
    const wireTypes = needsWireTypes(desc);

    const mismatch = (v: unknown, cx: ConvertContext, what: string): Invalid => cx.mismatch(what, v);
    const refuseExtra = (keys: string[], cx: ConvertContext): Invalid =>
      cx.fail(
        ErrorCode.unexpectedValue,
        msg.unexpectedKeys(keys, desc.title),
        `only ${[...declared].join(", ") || "no keys"}`,
        keys.join(", "),
      );
    const missing = (f: Field, cx: ConvertContext): Invalid => {
      cx.path.push(f.name);
      const r: Invalid = cx.fail(ErrorCode.missingValue, msg.missingField(f.name), "a value", "nothing");
      cx.path.pop();
      return r;
    };

    const pack = (value: unknown, w: MsgpackWriter, cx: ConvertContext): Invalid | undefined => {
      if (
        typeof value !== "object" ||
        value === null ||
        Array.isArray(value) ||
        (!isPlainObject(value) && isBuiltinValue(value))
      ) {
        return mismatch(value, cx, "an object");
      }
      const record = value as Dict;
      const extra = desc.unknownKeys === "strip" && !cx.strictNumbers ? [] : extraKeys(record);
      if (extra.length > 0 && desc.unknownKeys !== "passthrough") return refuseExtra(extra, cx);
      const style = w.style;
      w.style = desc.style;
      w.mapHeader(fields.length + (desc.unknownKeys === "passthrough" ? extra.length : 0));
      let bad = false;
      for (const f of fields) {
        let v = record[f.name];
        if (v === undefined && f.hasDefault) v = f.default;
        w.str(f.name);
        let r: Invalid | undefined;
        if (v === undefined && !f.optional) r = missing(f, cx);
        else {
          cx.path.push(f.name);
          r = f.codec.pack(v, w, cx);
          cx.path.pop();
        }
        if (r === INVALID) {
          bad = true;
          if (cx.failFast) break;
        }
      }
      if (!bad && desc.unknownKeys === "passthrough") {
        for (const k of extra) {
          w.str(k);
          cx.path.push(k);
          if (packUntyped(record[k], w, cx) === INVALID) bad = true;
          cx.path.pop();
        }
      }
      w.style = style;
      return bad ? INVALID : undefined;
    };

    // The fields are read knowing the record's style: a pydantic record never holds a timedelta as a number.
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      const outer = cx.recordStyle;
      cx.recordStyle = desc.style;
      try {
        return readFields(v, cx);
      } finally {
        cx.recordStyle = outer;
      }
    };

    const readFields = (v: unknown, cx: ConvertContext): unknown => {
      if (!isPlainObject(v)) return mismatch(v, cx, "a msgpack map");
      const extra = desc.unknownKeys === "strip" && !cx.strictNumbers ? [] : extraKeys(v);
      if (extra.length > 0 && desc.unknownKeys !== "passthrough") return refuseExtra(extra, cx);
      const out: Dict = {};
      let bad = false;
      for (const f of fields) {
        let r: unknown;
        if (Object.hasOwn(v, f.name)) {
          cx.path.push(f.name);
          if (f.codec.desc.kind === "union") cx.slotWire(v, f.name);
          r = f.codec.fromPlain(v[f.name], cx);
          cx.path.pop();
        } else if (f.hasDefault) r = f.makeDefault === undefined ? f.default : f.makeDefault();
        else if (f.optional) continue;
        else r = missing(f, cx);
        if (r === INVALID) {
          bad = true;
          if (cx.failFast) return INVALID;
        } else if (r !== undefined || !f.optional) setOwn(out, f.name, r);
      }
      for (const k of extra) setOwn(out, k, v[k]);
      return bad ? INVALID : out;
    };

    /** The record's own schema; nested records and named enums go to `g`'s $defs (pydantic) or inline. */
    const objectSchema = (g: SchemaGen): JsonObject => {
      const properties: JsonObject = {};
      for (const f of fields) {
        const s: JsonObject = { ...f.codec.jsonSchema(g) };
        if (g.style === "pydantic" && !isRef(s)) s.title = pydanticTitle(f.name);
        const dflt = f.hasDefault ? jsonOf(f.default) : f.optional ? null : undefined;
        if (dflt !== undefined && f.factoryDefault !== true) s.default = dflt;
        if (f.description !== undefined) s.description = f.description;
        properties[f.name] = s;
      }
      const required = fields.filter((f) => !f.optional).map((f) => f.name);
      // mashumaro leaves out `properties` when there are none; pydantic writes `{}`.
      const out: JsonObject =
        fields.length === 0 && g.style === "dataclass"
          ? { title: desc.title, type: "object" }
          : { properties, title: desc.title, type: "object" };
      if (required.length > 0) out.required = required;
      if (desc.description !== undefined) out.description = desc.description;
      if (g.style === "dataclass") out.additionalProperties = false;
      return out;
    };
    const rootGen = new SchemaGen(desc.style);
    const fieldTypes: { [name: string]: LiteralType } = {};
    for (const f of fields) fieldTypes[f.name] = f.codec.literalType;

    return {
      desc,
      literalType: structLiteralType(rootGen.finish(objectSchema(rootGen)), fieldTypes),
      tag: desc.style === "pydantic" ? "Pydantic Transformer" : "Object-Dataclass-Transformer",
      toLiteral(value, cx) {
        const bytes = writeMsgpack((w) => pack(value, w, cx));
        return bytes === INVALID ? INVALID : lit.binary(bytes, "msgpack");
      },
      toValue(literal, cx) {
        const v = literal.value;
        // Older SDKs and the console send records as a Struct: numbers are doubles, read back per the schema.
        if (v.case === "scalar" && v.value.value.case === "generic") return fromPlain(v.value.value.value, cx);
        const b = binaryValueOf(literal, cx, wireTypes);
        if (b === NOT_BINARY) return literalMismatch(cx, `a msgpack STRUCT (${desc.title})`, literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
      pack,
      jsonSchema: (g) => (g.style === "pydantic" ? g.ref(desc.title, () => objectSchema(g)) : objectSchema(g)),
    };
  },
  guess: { keys: ["simple:STRUCT"], schema: (lt) => guessStruct(lt) },
};
