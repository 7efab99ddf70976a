// Maps: `z.record(z.string(), T)` ⇄ `map_value_type`. Keys are strings, as Flyte's LiteralMap requires.

import { z } from "zod";
import type { KindHandler } from "../src/codec.js";
import { type ConvertContext, INVALID } from "../src/context.js";
import { ErrorCode } from "../src/errors.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/literal-read.js";
import { describeValue, msg } from "../src/messages.js";
import { type Literal, type LiteralType, lit, ltype } from "../src/model.js";

type Dict = { [key: string]: unknown };

/** A plain object (not an array, Date, Map or class instance). */
export function isPlainObject(v: unknown): v is Dict {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets a key without invoking the `__proto__` setter: hostile keys stay data. */
export function setOwn(target: Dict, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export const mapKind: KindHandler<"map"> = {
  compile(desc, child) {
    const valueCodec = child(desc.value);

    function each<T>(
      source: Dict,
      cx: ConvertContext,
      convert: (item: unknown) => T | typeof INVALID,
    ): { [k: string]: T } | typeof INVALID {
      const out: { [k: string]: T } = {};
      let bad = false;
      for (const key of Object.keys(source)) {
        cx.path.push(key);
        const r = convert(source[key]);
        cx.path.pop();
        if (r === INVALID) {
          if (cx.failFast) return INVALID;
          bad = true;
        } else setOwn(out, key, r);
      }
      return bad ? INVALID : out;
    }
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      if (!isPlainObject(v)) {
        return cx.fail(
          ErrorCode.typeMismatch,
          msg.expected("a msgpack map", describeValue(v)),
          "msgpack map",
          describeValue(v),
        );
      }
      return each(v, cx, (x) => valueCodec.fromPlain(x, cx));
    };

    return {
      desc,
      literalType: ltype.map(valueCodec.literalType),
      tag: "Typed Dict",
      toLiteral(value, cx) {
        if (!isPlainObject(value)) {
          return cx.fail(
            ErrorCode.typeMismatch,
            msg.expected("a plain object with string keys", describeValue(value)),
            "object",
            describeValue(value),
          );
        }
        const out = each<Literal>(value, cx, (x) => valueCodec.toLiteral(x, cx));
        return out === INVALID ? INVALID : lit.map(out);
      },
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case === "map") return each(v.value.literals, cx, (x) => valueCodec.toValue(x as Literal, cx));
        const b = binaryValueOf(literal, cx);
        if (b === NOT_BINARY) return literalMismatch(cx, "a map", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
    };
  },
  guess: { keys: ["map"], schema: (lt, child) => z.record(z.string(), child(lt.type.value as LiteralType)) },
};
