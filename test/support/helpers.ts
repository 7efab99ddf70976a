// Small helpers shared by tests.
import { expect } from "vitest";
import { FlyteTypeError } from "../../src/index.js";

export const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** Awaits a rejection and returns it as a FlyteTypeError, failing the test if it is anything else. */
export async function rejection(p: Promise<unknown> | (() => unknown)): Promise<FlyteTypeError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(FlyteTypeError);
    return e as FlyteTypeError;
  }
  throw new Error("expected a FlyteTypeError, but the call succeeded");
}
