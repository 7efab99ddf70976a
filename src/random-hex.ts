// Random hex names (upload prefixes, temporary files, decoding markers) from Web Crypto's global `crypto`, which
// Node loads on first use: `node:crypto` imported at the top would cost every `import("flyte-types")` ~2 ms.

/** `bytes` random bytes as 2 × `bytes` lowercase hex digits. */
export function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("hex");
}
