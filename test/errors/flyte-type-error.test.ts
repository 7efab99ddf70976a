// isFlyteTypeError: recognises FlyteTypeErrors from this copy of the package and from another one in the same
// process (a library bundling its own flyte-types), so a user transformer's typed errors keep their codes.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTypeEngine,
  ErrorCode,
  FlyteTypeError,
  isFlyteTypeError,
  type Literal,
  lit,
  ltype,
  primitiveOf,
  SimpleType,
} from "../../src/index.js";
import { storageError } from "../../src/storage/storage-errors.js";
import { rejection } from "../support/helpers.js";

type ErrorModule = typeof import("../../src/errors/flyte-type-error.js");

/** A second copy of the error module: the query makes vitest load and evaluate it again, with its own class. */
async function secondCopy(): Promise<ErrorModule> {
  const specifier = "../../src/errors/flyte-type-error.js?copy=2";
  return (await import(/* @vite-ignore */ specifier)) as ErrorModule;
}

class Money {
  constructor(readonly cents: bigint) {}
}

describe("isFlyteTypeError", () => {
  it("is true for the error a failing conversion throws", async () => {
    const e = await rejection(createTypeEngine().toLiteral(1.5, z.int()));
    expect(isFlyteTypeError(e)).toBe(true);
    expect(e).toBeInstanceOf(FlyteTypeError);
  });

  it("is true for a FlyteTypeError of another copy of the package, which instanceof misses", async () => {
    const other = await secondCopy();
    expect(other.FlyteTypeError).not.toBe(FlyteTypeError);
    const e = new other.FlyteTypeError([{ code: "out_of_range", path: "", message: "too big" }]);
    expect(e instanceof FlyteTypeError).toBe(false);
    expect(isFlyteTypeError(e)).toBe(true);
    // And the other way round: the other copy's guard knows this copy's errors.
    expect(other.isFlyteTypeError(new FlyteTypeError([{ code: "out_of_range", path: "", message: "x" }]))).toBe(true);
  });

  it("keeps the brand out of the error's enumerable keys", () => {
    const e = new FlyteTypeError([{ code: "type_mismatch", path: "a", message: "m" }]);
    expect(Object.getOwnPropertySymbols(e)).toContain(Symbol.for("flyte-types.FlyteTypeError"));
    expect(Object.keys(e)).not.toContain(Symbol.for("flyte-types.FlyteTypeError").toString());
    expect(JSON.stringify(Object.entries(e))).not.toContain("flyte-types");
  });

  it("keeps the code and message of another copy's error thrown by a user transformer, at the value's path", async () => {
    const other = await secondCopy();
    const engine = createTypeEngine();
    engine.register({
      name: "Money",
      type: Money,
      literalType: ltype.simple(SimpleType.STRING),
      toLiteral: (m: Money) => {
        if (m.cents < 0n) {
          throw new other.FlyteTypeError([
            {
              code: "out_of_range",
              path: "",
              message: "negative money",
              expected: "cents >= 0",
              received: `${m.cents}`,
            },
          ]);
        }
        return lit.string(String(m.cents));
      },
      toValue: (l: Literal) => {
        const p = primitiveOf(l);
        if (p?.case !== "stringValue") throw new Error("expected a string literal");
        return new Money(BigInt(p.value));
      },
    });
    const e = await rejection(engine.toLiteral([new Money(1n), new Money(-1n)], z.array(z.instanceof(Money))));
    expect(e.code).toBe(ErrorCode.outOfRange);
    expect(e.path).toBe("value[1]");
    expect(e.issues).toEqual([
      { code: "out_of_range", path: "value[1]", message: "negative money", expected: "cents >= 0", received: "-1" },
    ]);
    expect(e.message).toBe("value[1]: negative money");
  });

  it("keeps the code of another copy's error thrown by a transformer's toValue", async () => {
    const other = await secondCopy();
    const engine = createTypeEngine();
    engine.register({
      name: "Money",
      type: Money,
      literalType: ltype.simple(SimpleType.STRING),
      toLiteral: (m: Money) => lit.string(String(m.cents)),
      toValue: () => {
        throw new other.FlyteTypeError([{ code: "invalid_literal", path: "", message: "not money" }]);
      },
    });
    const e = await rejection(engine.toValue(lit.string("5"), Money));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.path).toBe("value");
  });

  it("passes another copy's error from a storage backend through unchanged, as it does this copy's", async () => {
    const other = await secondCopy();
    const e = new other.FlyteTypeError([{ code: "not_found", path: "mem://x", message: "gone" }]);
    expect(storageError("reading", "mem://x", e)).toBe(e);
    expect(storageError("reading", "mem://x", new Error("boom")).code).toBe(ErrorCode.storageFailed);
  });

  it("is false for plain errors, look-alikes without the brand, and non-objects", () => {
    expect(isFlyteTypeError(new Error("boom"))).toBe(false);
    expect(isFlyteTypeError(new TypeError("boom"))).toBe(false);
    const lookAlike = Object.assign(new Error("m"), {
      name: "FlyteTypeError",
      code: "type_mismatch",
      path: "",
      issues: [{ code: "type_mismatch", path: "", message: "m" }],
    });
    expect(isFlyteTypeError(lookAlike)).toBe(false);
    expect(isFlyteTypeError({ code: "type_mismatch", issues: [] })).toBe(false);
    // The brand alone is not enough: the shape must be there too.
    const brand = Symbol.for("flyte-types.FlyteTypeError");
    expect(isFlyteTypeError({ [brand]: true })).toBe(false);
    expect(isFlyteTypeError({ [brand]: true, code: "type_mismatch", issues: "none" })).toBe(false);
    expect(isFlyteTypeError({ [brand]: "yes", code: "type_mismatch", issues: [] })).toBe(false);
    expect(isFlyteTypeError(null)).toBe(false);
    expect(isFlyteTypeError(undefined)).toBe(false);
    expect(isFlyteTypeError("FlyteTypeError")).toBe(false);
  });
});
