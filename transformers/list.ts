// Collections: `z.array(T)` ⇄ `collection_type`. Typed arrays are accepted for speed (Float64Array for
// z.array(z.number()), BigInt64Array for z.array(z.bigint())…).

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { needsWireTypes } from "../src/codec/msgpack-wire.js";
import { type Literal, type LiteralType, lit, ltype } from "../src/literal/model.js";

type Indexed = ArrayLike<unknown>;

function asIndexed(value: unknown): Indexed | undefined {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return value as unknown as Indexed;
  return undefined;
}

const notArray = (value: unknown, cx: ConvertContext): Invalid => cx.mismatch("an array", value, "array");

export const listKind: KindHandler<"list"> = {
  compile(desc, child) {
    const element = child(desc.element);
    const wireTypes = needsWireTypes(desc);
    const unionElements = desc.element.kind === "union";

    /** Maps each item through `convert`; collects every failure unless failing fast. */
    function each<T>(
      items: Indexed,
      cx: ConvertContext,
      convert: (item: unknown, index: number) => T | typeof INVALID,
    ): T[] | typeof INVALID {
      const out = new Array<T>(items.length);
      let bad = false;
      const path = cx.path;
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        const r = convert(items[i], i);
        path.pop();
        if (r === INVALID) {
          if (cx.failFast) return INVALID;
          bad = true;
        } else out[i] = r;
      }
      return bad ? INVALID : out;
    }
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      if (!Array.isArray(v)) {
        return cx.mismatch("a msgpack array", v, "msgpack array");
      }
      return each(v, cx, (x, i) => {
        if (unionElements) cx.slotWire(v, i);
        return element.fromPlain(x, cx);
      });
    };

    return {
      desc,
      literalType: ltype.collection(element.literalType),
      tag: "Typed List",
      toLiteral(value, cx) {
        const items = asIndexed(value);
        if (items === undefined) return notArray(value, cx);
        const out = each<Literal>(items, cx, (x) => element.toLiteral(x, cx));
        return out === INVALID ? INVALID : lit.collection(out);
      },
      pack(value, w, cx) {
        const items = asIndexed(value);
        if (items === undefined) return notArray(value, cx);
        w.arrayHeader(items.length);
        let bad = false;
        for (let i = 0; i < items.length; i++) {
          cx.path.push(i);
          const r = element.pack(items[i], w, cx);
          cx.path.pop();
          if (r === INVALID) {
            if (cx.failFast) return INVALID;
            bad = true;
          }
        }
        return bad ? INVALID : undefined;
      },
      jsonSchema: (g) => ({ items: element.jsonSchema(g), type: "array" }),
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case === "collection") return each(v.value.literals, cx, (x) => element.toValue(x as Literal, cx));
        const b = binaryValueOf(literal, cx, wireTypes);
        if (b === NOT_BINARY) return literalMismatch(cx, "a collection", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
    };
  },
  guess: {
    keys: ["collection"],
    schema: (lt, child) => z.array(child(lt.type.value as LiteralType)),
  },
};
