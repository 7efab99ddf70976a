// `withHash(schema, fn)`: literals of the type carry `Literal.hash = fn(value)`, flytekit's HashMethod. Flyte uses
// the hash instead of the literal's bytes for cache keys (a data frame hashed by its content, not its URI).
import type { KindHandler } from "../src/codec/codec.js";
import { INVALID } from "../src/codec/context.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";

export const hashedKind: KindHandler<"hashed"> = {
  compile(desc, child) {
    const inner = child(desc.inner);
    return {
      ...inner,
      desc,
      toLiteral(value, cx) {
        const out = inner.toLiteral(value, cx);
        if (out === INVALID) return INVALID;
        let hash: unknown;
        try {
          hash = desc.hash(value);
        } catch (e) {
          return cx.fail(ErrorCode.transformerFailed, msg.hashFailed((e as Error).message));
        }
        if (typeof hash !== "string") {
          return cx.fail(ErrorCode.typeMismatch, msg.hashNotString, "string", typeof hash);
        }
        out.hash = hash;
        return out;
      },
    };
  },
};
