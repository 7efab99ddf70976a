// Plain-object helpers shared by the record and map codecs.

export type Dict = { [key: string]: unknown };

/** A plain object (not an array, Date, Map or class instance). */
export function isPlainObject(v: unknown): v is Dict {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets a key without invoking the `__proto__` setter: hostile keys stay data. */
export function setOwn(target: Dict, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
