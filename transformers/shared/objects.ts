// Plain-object helpers shared by the record and map codecs.

export type Dict = { [key: string]: unknown };

/** A plain object (not an array, Date, Map or class instance). */
export function isPlainObject(v: unknown): v is Dict {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Built-in objects that are values of their own (a Date is a datetime, bytes are bytes), never a record's fields. */
export function isBuiltinValue(v: object): boolean {
  return (
    v instanceof Date ||
    v instanceof Map ||
    v instanceof Set ||
    v instanceof RegExp ||
    v instanceof ArrayBuffer ||
    ArrayBuffer.isView(v)
  );
}

/** Sets a key without invoking the `__proto__` setter: hostile keys stay data. */
export function setOwn(target: Dict, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Whether a string is whole Unicode: a lone surrogate has no UTF-8 form, and encoders would replace it silently. */
export const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

export const WELL_FORMED = "a string of whole Unicode characters (no lone surrogate)";
