// Equality and copies of flyteidl messages without the protobuf runtime. protobuf-es messages are plain objects
// (scalars, bigints, Uint8Arrays, arrays, records for maps, { case, value } for oneofs, JSON objects for
// google.protobuf.Struct, `$typeName` on every message), so a structural walk can answer what protobuf-es's
// equals() answers: unknown fields (`$unknown`, kept from bytes a newer writer wrote) are ignored, and a field that
// is absent equals one holding its default (proto3 has no presence for scalars, lists and maps). A message field is
// the exception: an empty message is set, unlike an absent one. The engine compares and copies LiteralTypes on the
// path a cold `import("flyte-types")` loads; the runtime stays for binary and JSON forms.

/** Whether two messages (or parts of them) hold the same fields, as protobuf-es's equals() decides. */
export function sameMessage(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && sameBytes(a, b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameMessage(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (k === "$unknown") continue;
    const [u, v] = [x[k], y[k]];
    if (u === undefined || v === undefined ? !(isDefault(u) && isDefault(v)) : !sameMessage(u, v)) return false;
  }
  return true;
}

/** A field's proto3 default, which equals its absence: zero, "", false, an empty list, map or bytes, no oneof. */
function isDefault(v: unknown): boolean {
  if (v === undefined || v === "" || v === 0 || v === false || v === 0n) return true;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (typeof v !== "object" || v === null || "$typeName" in v) return false;
  // A map with no entries, or a oneof with no case.
  const keys = Object.keys(v);
  return (
    keys.length === 0 ||
    (keys.every((k) => k === "case" || k === "value") && (v as { case?: unknown }).case === undefined)
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A deep copy a caller may change without touching the original (a codec's cached LiteralType, say). */
export const copyMessage = <T>(m: T): T => structuredClone(m);
