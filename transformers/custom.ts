// User types: a registered Transformer, keyed by a class (values are `instanceof` it) or a zod schema.
import type { KindHandler } from "../src/codec/codec.js";
import type { ConvertContext, Invalid } from "../src/codec/context.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { describeValue, msg } from "../src/errors/messages.js";
import type { Literal } from "../src/literal/model.js";
import type { JsonObject } from "../src/msgpack/json-schema.js";
import { packUntyped } from "./shared/untyped-values.js";
import { userCodeFailed } from "./shared/user-code.js";

export const customKind: KindHandler<"custom"> = {
  compile(desc) {
    const t = desc.transformer;
    const key = t.type;
    const isMine =
      typeof key === "function" ? (v: unknown) => v instanceof key : (v: unknown) => key.safeParse(v).success;
    const notMine = (value: unknown, cx: ConvertContext): Invalid => cx.mismatch(`a ${t.name} value`, value, t.name);
    const notInRecords = (cx: ConvertContext, value: unknown): Invalid =>
      cx.fail(ErrorCode.unsupportedSchema, msg.notInRecords(t.name), t.name, describeValue(value));
    return {
      desc,
      literalType: t.literalType,
      tag: t.name,
      toLiteral(value, cx) {
        if (!isMine(value)) return notMine(value, cx);
        try {
          return t.toLiteral(value);
        } catch (e) {
          return userCodeFailed(cx, t.name, e);
        }
      },
      toValue(literal: Literal, cx) {
        try {
          return t.toValue(literal);
        } catch (e) {
          return userCodeFailed(cx, t.name, e);
        }
      },
      fromPlain(value, cx) {
        if (t.fromMsgpack === undefined) return notInRecords(cx, value);
        try {
          return t.fromMsgpack(value);
        } catch (e) {
          return userCodeFailed(cx, t.name, e);
        }
      },
      pack(value, w, cx) {
        if (t.toMsgpack === undefined) return notInRecords(cx, value);
        if (!isMine(value)) return notMine(value, cx);
        let plain: unknown;
        try {
          plain = t.toMsgpack(value);
        } catch (e) {
          return userCodeFailed(cx, t.name, e);
        }
        return packUntyped(plain, w, cx);
      },
      jsonSchema: () => structuredClone(t.jsonSchema ?? {}) as JsonObject,
    };
  },
};
