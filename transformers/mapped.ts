// A value that travels as its wire form (a registered MappedType, or a zod z.codec): converted to a value of the
// wire schema, then written by the wire's own codec, so that it is byte for byte what that schema writes (a
// `Money` mapped onto a dataclass writes what the dataclass writes) inside records, lists, maps and unions too.
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../src/codec/context.js";
import type { DescOf } from "../src/codec/descriptor.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { guarded } from "./shared/user-code.js";

/** The wire schema's own zod checks (bounds, formats, refinements) on a wire value, as issues. */
function checked(desc: DescOf<"mapped">, wire: unknown, cx: ConvertContext): unknown {
  if (wire === INVALID || desc.check === undefined) return wire;
  const problems = desc.check(wire);
  for (const p of problems) cx.fail(ErrorCode.validationFailed, msg.wireCheckFailed(desc.name, p.path, p.message));
  return problems.length === 0 ? wire : INVALID;
}

export const mappedKind: KindHandler<"mapped"> = {
  compile(desc, child) {
    const inner = child(desc.inner);
    const notMine = (value: unknown, cx: ConvertContext): Invalid =>
      cx.mismatch(`a ${desc.name} value`, value, desc.name);
    const toWire = (value: unknown, cx: ConvertContext): unknown => {
      if (!desc.isMine(value)) return notMine(value, cx);
      return checked(
        desc,
        guarded(cx, desc.name, () => desc.toWire(value)),
        cx,
      );
    };
    const fromWire = (wire: unknown, cx: ConvertContext): unknown =>
      checked(desc, wire, cx) === INVALID ? INVALID : guarded(cx, desc.name, () => desc.fromWire(wire));
    return {
      desc,
      literalType: inner.literalType,
      // The wire's tag: Python reads a union variant by the type it sees, which is the wire schema's.
      tag: inner.tag,
      toLiteral(value, cx) {
        const wire = toWire(value, cx);
        return wire === INVALID ? INVALID : inner.toLiteral(wire, cx);
      },
      toValue(literal, cx) {
        const wire = inner.toValue(literal, cx);
        return wire === INVALID ? INVALID : fromWire(wire, cx);
      },
      fromPlain(value, cx) {
        const wire = inner.fromPlain(value, cx);
        return wire === INVALID ? INVALID : fromWire(wire, cx);
      },
      pack(value, w, cx) {
        const wire = toWire(value, cx);
        return wire === INVALID ? INVALID : inner.pack(wire, w, cx);
      },
      jsonSchema: (g) => inner.jsonSchema(g),
    };
  },
};
