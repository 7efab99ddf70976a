// INTEGER: `z.int()` (JS numbers in the safe range) and `z.bigint()` (the full int64 range).

import { z } from "zod";
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { NO_MATCH, type PrimitiveValue, readPrimitive } from "../src/codec/literal-read.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { lit, ltype, SimpleType } from "../src/literal/model.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const SAFE = "the safe integer range ±(2^53 - 1)";

export const intKind: KindHandler<"int"> = {
  compile(desc) {
    const asBigint = desc.repr === "bigint";
    const expected = asBigint ? "a bigint in the int64 range" : "an integer number";

    const fromBigint = (v: bigint, cx: ConvertContext): unknown => {
      if (asBigint) return v;
      if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
      return cx.fail(
        ErrorCode.outOfRange,
        msg.outOfRange(`integer ${v}`, SAFE, "read it with z.bigint()"),
        expected,
        `${v}`,
      );
    };
    const fromNumber = (v: number, cx: ConvertContext): unknown => {
      if (!Number.isSafeInteger(v)) {
        return cx.fail(
          ErrorCode.outOfRange,
          msg.outOfRange(`integer ${v}`, SAFE, "read it with z.bigint()"),
          expected,
          `${v}`,
        );
      }
      return asBigint ? BigInt(v) : v;
    };
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      if (typeof v === "bigint") return fromBigint(v, cx);
      // In a union's first pass a msgpack float (2.0) is left to a FLOAT variant, as Python reads it.
      if (typeof v === "number" && Number.isInteger(v) && !(cx.strictNumbers && cx.wire === "float")) {
        return fromNumber(v, cx);
      }
      return cx.mismatch("a msgpack integer", v, "msgpack integer");
    };

    const onPrimitive = (p: PrimitiveValue, cx: ConvertContext): unknown => {
      if (p.case === "integer") return fromBigint(p.value, cx);
      // flytekit reads a FLOAT literal into int by truncating (`int(f)`): the console sends JS numbers.
      if (p.case === "floatValue" && !cx.strictNumbers) {
        if (!Number.isFinite(p.value)) {
          return cx.fail(ErrorCode.outOfRange, msg.floatNotInteger(p.value), expected, `${p.value}`);
        }
        const t = Math.trunc(p.value);
        return Number.isSafeInteger(t) || !asBigint ? fromNumber(t, cx) : BigInt(t);
      }
      return NO_MATCH;
    };
    const check = (value: unknown, cx: ConvertContext): bigint | number | Invalid => {
      if (asBigint) {
        if (typeof value !== "bigint") {
          return cx.mismatch(expected, value);
        }
        if (value < INT64_MIN || value > INT64_MAX) {
          return cx.fail(ErrorCode.outOfRange, msg.outOfRange(`${value}n`, "the int64 range"), expected, `${value}n`);
        }
        return value;
      }
      // -0 is integral to JS, but only a float holds it in Python: a union's first pass leaves it to a FLOAT variant.
      if (typeof value !== "number" || !Number.isInteger(value) || (cx.strictNumbers && Object.is(value, -0))) {
        return cx.mismatch(expected, value);
      }
      if (!Number.isSafeInteger(value)) {
        return cx.fail(
          ErrorCode.outOfRange,
          msg.outOfRange(`${value}`, SAFE, "use z.bigint() for int64 values"),
          expected,
          `${value}`,
        );
      }
      return value;
    };
    return {
      desc,
      literalType: ltype.simple(SimpleType.INTEGER),
      tag: "int",
      toLiteral(value, cx) {
        const v = check(value, cx);
        return v === INVALID ? INVALID : lit.integer(typeof v === "bigint" ? v : BigInt(v));
      },
      pack(value, w, cx) {
        const v = check(value, cx);
        if (v === INVALID) return INVALID;
        if (typeof v === "bigint") w.bigint(v);
        else w.int(v);
        return undefined;
      },
      jsonSchema: () => ({ type: "integer" }),

      toValue(literal, cx) {
        return readPrimitive(literal, cx, "INTEGER", onPrimitive, fromPlain);
      },
      fromPlain,
    };
  },
  guess: { keys: ["simple:INTEGER"], schema: () => z.bigint() },
};
