// Maps: `z.record(z.string(), T)` ⇄ `map_value_type` (a LiteralMap). Python writes a dict as msgpack STRUCT instead
// when its keys are not strings (`z.record(z.int(), T)`, Python's `Dict[int, T]`) or when the expected type says
// STRUCT; both forms are read either way. Such a STRUCT is written as mashumaro writes it (int keys, isoformat()
// datetimes, float seconds); inside a pydantic model the map goes through JSON, so its int keys become strings.

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { needsWireTypes } from "../src/codec/msgpack-wire.js";
import { markSchema } from "../src/codec/schema-marks.js";
import { typeOf } from "../src/codec/zod-reader.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { type Literal, type LiteralType, lit, ltype } from "../src/literal/model.js";
import { type MsgpackWriter, writeMsgpack } from "../src/msgpack/msgpack-writer.js";
import { type Dict, isPlainObject, setOwn, WELL_FORMED, wellFormed } from "./shared/objects.js";
import { structLiteralType } from "./shared/struct-type.js";

const INT_KEY = /^-?(0|[1-9]\d*)$/;

export const mapKind: KindHandler<"map"> = {
  compile(desc, child) {
    const valueCodec = child(desc.value);
    const intKeys = desc.keys === "int";
    const wireTypes = needsWireTypes(desc);
    const unionValues = desc.value.kind === "union";

    /** Checks a key; int keys must be the decimal form of a safe integer (JS objects hold them as strings). */
    const badKey = (key: string, cx: ConvertContext): Invalid | undefined =>
      intKeys
        ? INT_KEY.test(key) && Number.isSafeInteger(Number(key))
          ? undefined
          : cx.fail(ErrorCode.typeMismatch, msg.expected("an integer key", JSON.stringify(key)), "integer key", key)
        : wellFormed(key)
          ? undefined
          : cx.mismatch(`a key that is ${WELL_FORMED}`, key);

    function each<T>(
      source: Dict,
      cx: ConvertContext,
      convert: (item: unknown, key: string) => T | Invalid,
    ): Dict | Invalid {
      const out: Dict = {};
      let bad = false;
      for (const key of Object.keys(source)) {
        cx.path.push(key);
        const r = badKey(key, cx) ?? convert(source[key], key);
        cx.path.pop();
        if (r === INVALID) {
          if (cx.failFast) return INVALID;
          bad = true;
        } else setOwn(out, key, r);
      }
      return bad ? INVALID : out;
    }
    const notObject = (v: unknown, cx: ConvertContext, what: string): Invalid => cx.mismatch(what, v);
    const fromPlain = (v: unknown, cx: ConvertContext): unknown =>
      isPlainObject(v)
        ? each(v, cx, (x, key) => {
            if (unionValues) cx.slotWire(v, key);
            return valueCodec.fromPlain(x, cx);
          })
        : notObject(v, cx, "a msgpack map");

    const pack = (value: unknown, w: MsgpackWriter, cx: ConvertContext): Invalid | undefined => {
      if (!isPlainObject(value)) return notObject(value, cx, "a plain object");
      const keys = Object.keys(value);
      w.mapHeader(keys.length);
      let bad = false;
      for (const key of keys) {
        cx.path.push(key);
        let r = badKey(key, cx);
        if (r === undefined) {
          if (intKeys && w.style === "dataclass") w.int(Number(key));
          else w.str(key);
          r = valueCodec.pack(value[key], w, cx);
        }
        cx.path.pop();
        if (r === INVALID) {
          if (cx.failFast) return INVALID;
          bad = true;
        }
      }
      return bad ? INVALID : undefined;
    };

    return {
      desc,
      literalType: desc.msgpack ? structLiteralType() : ltype.map(valueCodec.literalType),
      tag: "Typed Dict",
      toLiteral(value, cx) {
        if (desc.msgpack) {
          const bytes = writeMsgpack((w) => {
            w.style = "dataclass";
            return pack(value, w, cx);
          });
          return bytes === INVALID ? INVALID : lit.binary(bytes, "msgpack");
        }
        if (!isPlainObject(value)) return notObject(value, cx, "a plain object with string keys");
        const out = each(value, cx, (x) => valueCodec.toLiteral(x, cx));
        return out === INVALID ? INVALID : lit.map(out as { [k: string]: Literal });
      },
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case === "map") return each(v.value.literals, cx, (x) => valueCodec.toValue(x as Literal, cx));
        const b = binaryValueOf(literal, cx, wireTypes);
        if (b === NOT_BINARY) return literalMismatch(cx, "a map", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
      pack,
      jsonSchema(g) {
        const schema = { additionalProperties: valueCodec.jsonSchema(g), type: "object" };
        // pydantic says nothing of the keys (they are strings in its JSON); mashumaro names their type.
        return g.style === "dataclass"
          ? { ...schema, propertyNames: { type: intKeys ? "integer" : "string" } }
          : schema;
      },
    };
  },
  guess: {
    keys: ["map"],
    schema: (lt, child) => {
      const value = child(lt.type.value as LiteralType);
      const record = z.record(z.string(), value);
      // z.record(z.string(), z.unknown()) is an untyped dict (one STRUCT); a map of bare STRUCTs stays a map.
      return typeOf(value) === "unknown"
        ? markSchema(record, { kind: "map", value: { kind: "untyped", shape: "any" }, keys: "string", msgpack: false })
        : record;
    },
  },
};
