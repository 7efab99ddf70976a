// Unions: `z.union`, `.optional()`, `.nullable()` ⇄ `union_type`, each variant tagged with the name flytekit's
// transformer for it has, because Python picks the variant to read by that tag.
//
// Choosing a variant for a JS value: a first, strict pass lets an integral number match INTEGER only; if no
// variant takes the value, a lenient pass lets FLOAT take integral numbers. One match wins, two are ambiguous
// (as flytekit refuses structurally equal variants). So z.union([z.int(), z.number()]) writes 1 as `int` and 1.5
// as `float` — what Python reads back from `Union[int, float]`. An enum value also fits a string variant; the enum,
// being more specific, wins (Python's enum variant takes only Enum members, which JS strings cannot be). Reading
// msgpack, the first pass follows the number's form on the wire (ConvertContext.wire): a msgpack int is the int,
// a msgpack float (even 2.0) the float or timedelta.

import { z } from "zod";
import type { Codec, KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID } from "../src/codec/context.js";
import { decidedByWire } from "../src/codec/msgpack-wire.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { describeLiteral, describeLiteralType, describeValue, msg } from "../src/errors/messages.js";
import { typesCastable } from "../src/literal/literal-types.js";
import { type Literal, type LiteralType, lit, ltype } from "../src/literal/model.js";
import type { JsonObject } from "../src/msgpack/json-schema.js";

type Attempt = (variant: Codec) => unknown;

/**
 * The single hit; else the `none` hit (null and undefined are the union's None, though an untyped variant takes
 * them too); else the single enum hit when the others are strings; undefined otherwise.
 */
function mostSpecific<H extends { i: number }>(hits: readonly H[], kindOf: (i: number) => string): H | undefined {
  if (hits.length === 1) return hits[0];
  const none = hits.filter((h) => kindOf(h.i) === "none");
  if (none.length === 1) return none[0];
  const enums = hits.filter((h) => kindOf(h.i) === "enum");
  const rest = hits.filter((h) => kindOf(h.i) !== "enum");
  return enums.length === 1 && rest.every((h) => kindOf(h.i) === "string") ? enums[0] : undefined;
}

const isNull = (s: JsonObject): boolean => s.type === "null" && Object.keys(s).length === 1;

/** A nested union's alternatives, so `anyOf` stays flat as Python's typing.Union makes it. */
function flatAnyOf(schema: JsonObject): JsonObject[] {
  const inner = schema.anyOf;
  return Array.isArray(inner) && Object.keys(schema).length === 1 ? (inner as JsonObject[]) : [schema];
}

export const unionKind: KindHandler<"union"> = {
  compile(desc, child) {
    const variants = desc.variants.map(child);
    const tags = variants.map((v) => v.tag);
    const tagged = variants.map((v) => ltype.tagged(v.literalType, v.tag));
    const byWire = decidedByWire(desc.variants);

    /** Runs `attempt` on the given variants: strict pass, then lenient; returns the single winner or records why not. */
    function pick(
      indices: readonly number[],
      cx: ConvertContext,
      attempt: Attempt,
      received: () => string,
    ): { i: number; out: unknown } | typeof INVALID {
      for (const strict of [true, false]) {
        const hits: { i: number; out: unknown }[] = [];
        for (const i of indices) {
          const out = cx.trial(strict, () => attempt(variants[i] as Codec));
          if (out !== INVALID) hits.push({ i, out });
        }
        const best = mostSpecific(hits, (i) => (variants[i] as Codec).desc.kind);
        if (best !== undefined) return best;
        if (hits.length > 1) {
          const names = hits.map((h) => tags[h.i] as string);
          return cx.fail(
            ErrorCode.ambiguousUnion,
            msg.ambiguous(names),
            "exactly one matching variant",
            names.join(", "),
          );
        }
      }
      const r = received();
      return cx.fail(
        ErrorCode.noMatchingVariant,
        msg.noVariant(
          indices.map((i) => tags[i] as string),
          r,
        ),
        tags.join(" | "),
        r,
      );
    }
    const all = variants.map((_, i) => i);

    return {
      desc,
      literalType: ltype.union(tagged),
      tag: "Typed Union",
      toLiteral(value, cx) {
        const hit = pick(
          all,
          cx,
          (v) => v.toLiteral(value, cx),
          () => describeValue(value),
        );
        return hit === INVALID ? INVALID : lit.union(hit.out as Literal, tagged[hit.i] as LiteralType);
      },
      toValue(literal, cx) {
        const v = literal.value;
        if (v.case !== "scalar" || v.value.value.case !== "union") {
          // Not a union literal (an older producer, or a msgpack attribute access): every variant may try it.
          const hit = pick(
            all,
            cx,
            (c) => c.toValue(literal, cx),
            () => describeLiteral(literal),
          );
          return hit === INVALID ? INVALID : hit.out;
        }
        const u = v.value.value.value;
        const inner = u.value;
        if (inner === undefined)
          return cx.fail(ErrorCode.invalidLiteral, msg.unionWithoutValue, "scalar.union.value", "nothing");
        // As flytekit: only variants whose tag equals the stored tag and whose type the stored type casts to.
        const tag = u.type?.structure?.tag ?? "";
        const stored = u.type;
        const candidates = all.filter(
          (i) =>
            (tag === "" || tags[i] === tag) &&
            (stored === undefined || typesCastable(stored, (variants[i] as Codec).literalType)),
        );
        if (candidates.length === 1) return (variants[candidates[0] as number] as Codec).toValue(inner, cx);
        if (candidates.length === 0) {
          const got = `tag ${JSON.stringify(tag)} with type ${describeLiteralType(stored)}`;
          return cx.fail(ErrorCode.noMatchingVariant, msg.noVariant(tags, got), tags.join(" | "), got);
        }
        const hit = pick(
          candidates,
          cx,
          (c) => c.toValue(inner, cx),
          () => describeLiteral(inner),
        );
        return hit === INVALID ? INVALID : hit.out;
      },
      pack(value, w, cx) {
        // Each variant writes at the same mark and is taken back; the single winner's bytes are appended.
        const start = w.mark();
        const hit = pick(
          all,
          cx,
          (c) => {
            const r = c.pack(value, w, cx);
            const bytes = r === INVALID ? INVALID : w.since(start);
            w.reset(start);
            return bytes;
          },
          () => describeValue(value),
        );
        if (hit === INVALID) return INVALID;
        w.raw(hit.out as Uint8Array);
        return undefined;
      },
      jsonSchema(g) {
        const anyOf = variants.flatMap((v) => flatAnyOf(v.jsonSchema(g)));
        // pydantic makes `Union[None, A, B]` a nullable `Union[A, B]`: null goes last. mashumaro keeps the order.
        if (g.style === "dataclass") return { anyOf };
        return { anyOf: [...anyOf.filter((s) => !isNull(s)), ...anyOf.filter(isNull)] };
      },
      fromPlain(value, cx) {
        // The msgpack form (int or float) the container saw for a number decides between int and float variants.
        // A number of unknown form (a Struct's double) counts as an int when integral: Python never writes a
        // timedelta as a msgpack int, and an integral float goes to an int variant anyway.
        const wire = !byWire
          ? undefined
          : typeof value === "bigint"
            ? "int"
            : typeof value === "number"
              ? (cx.wire ?? (Number.isInteger(value) ? "int" : "float"))
              : undefined;
        cx.wire = undefined;
        const hit = pick(
          all,
          cx,
          (c) => {
            cx.wire = wire;
            return c.fromPlain(value, cx);
          },
          () => describeValue(value),
        );
        cx.wire = undefined;
        return hit === INVALID ? INVALID : hit.out;
      },
    };
  },
  guess: {
    keys: ["union"],
    schema: (lt, child) => {
      const options = (lt.type.value as { variants: LiteralType[] }).variants.map(child);
      return options.length === 1 ? (options[0] as z.ZodType) : z.union(options as [z.ZodType, z.ZodType]);
    },
  },
};
