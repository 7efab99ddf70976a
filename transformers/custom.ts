// User types: a registered Transformer, keyed by a class (values are `instanceof` it) or a zod schema.
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import { ErrorCode, FlyteTypeError } from "../src/errors/flyte-type-error.js";
import { describeValue } from "../src/errors/messages.js";
import type { Literal } from "../src/literal/model.js";
import type { JsonObject } from "../src/msgpack/json-schema.js";
import { packUntyped } from "./shared/untyped-values.js";

/** Turns an exception from user code into issues at the current path. */
function record(cx: ConvertContext, name: string, error: unknown): Invalid {
  if (error instanceof FlyteTypeError) {
    for (const i of error.issues) cx.fail(i.code, i.message, i.expected, i.received);
    return INVALID;
  }
  const text = error instanceof Error ? error.message : String(error);
  return cx.fail(ErrorCode.transformerFailed, `transformer ${JSON.stringify(name)} failed: ${text}`);
}

export const customKind: KindHandler<"custom"> = {
  compile(desc) {
    const t = desc.transformer;
    const key = t.type;
    const isMine =
      typeof key === "function" ? (v: unknown) => v instanceof key : (v: unknown) => key.safeParse(v).success;
    const notMine = (value: unknown, cx: ConvertContext): Invalid => cx.mismatch(`a ${t.name} value`, value, t.name);
    const notInRecords = (cx: ConvertContext, value: unknown): Invalid =>
      cx.fail(
        ErrorCode.unsupportedSchema,
        `${t.name} cannot sit inside a record: its transformer has no toMsgpack/fromMsgpack`,
        t.name,
        describeValue(value),
      );
    return {
      desc,
      literalType: t.literalType,
      tag: t.name,
      toLiteral(value, cx) {
        if (!isMine(value)) return notMine(value, cx);
        try {
          return t.toLiteral(value);
        } catch (e) {
          return record(cx, t.name, e);
        }
      },
      toValue(literal: Literal, cx) {
        try {
          return t.toValue(literal);
        } catch (e) {
          return record(cx, t.name, e);
        }
      },
      fromPlain(value, cx) {
        if (t.fromMsgpack === undefined) return notInRecords(cx, value);
        try {
          return t.fromMsgpack(value);
        } catch (e) {
          return record(cx, t.name, e);
        }
      },
      pack(value, w, cx) {
        if (t.toMsgpack === undefined) return notInRecords(cx, value);
        if (!isMine(value)) return notMine(value, cx);
        let plain: unknown;
        try {
          plain = t.toMsgpack(value);
        } catch (e) {
          return record(cx, t.name, e);
        }
        return packUntyped(plain, w, cx);
      },
      jsonSchema: () => structuredClone(t.jsonSchema ?? {}) as JsonObject,
    };
  },
};
