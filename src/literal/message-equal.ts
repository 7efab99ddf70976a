// Equality and copies of flyteidl messages without the protobuf runtime. protobuf-es messages are plain objects
// (scalars, bigints, Uint8Arrays, arrays, records for maps, { case, value } for oneofs, JSON objects for
// google.protobuf.Struct), so a structural walk answers what protobuf-es's equals() answers for them, and
// structuredClone copies them. The engine compares and copies LiteralTypes on its light path, the one a cold
// `import("flyte-types")` loads; the runtime stays for binary and JSON forms.

/** Whether two messages (or parts of them) hold the same fields; an absent field equals one set to undefined. */
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
  for (const k of Object.keys(x)) if (!sameMessage(x[k], y[k])) return false;
  for (const k of Object.keys(y)) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A deep copy a caller may change without touching the original (a codec's cached LiteralType, say). */
export const copyMessage = <T>(m: T): T => structuredClone(m);
