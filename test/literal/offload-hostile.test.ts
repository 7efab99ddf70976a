// Offloaded literals from outside: references that loop, fan out, or point at endless files. Reading one must end
// quickly with a typed error, read a bounded number of bytes, and stop reading when the call has failed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type Backend,
  createTypeEngine,
  ErrorCode,
  type Literal,
  lit,
  ltype,
  resolveOffloaded,
  SimpleType,
  Storage,
} from "../../src/index.js";
import { encodeLiteral } from "../../src/literal/index.js";
import { LocalBackend } from "../../src/storage/local.js";
import { rejection } from "../support/helpers.js";

const work = mkdtempSync(join(tmpdir(), "flyte-offload-hostile-"));

/** Local storage whose reads are counted, chunk by chunk, so a test can see work that goes on after a failure. */
function countingStorage() {
  const local = new LocalBackend();
  const counts = { reads: 0, bytes: 0 };
  const backend: Backend = {
    scheme: "file",
    async *read(uri, range) {
      counts.reads++;
      for await (const chunk of local.read(uri, range)) {
        counts.bytes += chunk.byteLength;
        yield chunk;
      }
    },
    write: (uri, body, options) => local.write(uri, body, options),
    stat: (uri) => local.stat(uri),
    list: (prefix) => local.list(prefix),
    delete: (uri) => local.delete(uri),
  };
  return { storage: new Storage({ rawOutputPrefix: join(work, "raw"), backends: [backend] }), counts };
}

const ref = (uri: string, size: number): Literal =>
  lit.offloaded(uri, BigInt(size), ltype.collection(ltype.simple(SimpleType.INTEGER)));

/** Writes `literal` to `name` under the work directory; returns its path and size. */
function store(name: string, literal: Literal): [string, number] {
  const bytes = encodeLiteral(literal);
  const path = join(work, name);
  writeFileSync(path, bytes);
  return [path, bytes.byteLength];
}

const settle = () => new Promise((r) => setTimeout(r, 200));

describe("offloaded literals from outside", () => {
  it("a literal whose parts refer back to itself is refused after a handful of reads, and reading stops", async () => {
    const path = join(work, "self.pb");
    // Ten references to the file itself: without care, 10^8 reads through the nesting limit.
    const selfOf = (claimed: number) => lit.collection(Array.from({ length: 10 }, () => ref(path, claimed)));
    // The file's size is in its own references: settle on a size that describes itself.
    let size = 0;
    while (store("self.pb", selfOf(size))[1] !== size) size = store("self.pb", selfOf(size))[1];
    const { storage, counts } = countingStorage();
    const engine = createTypeEngine({ storage });
    const e = await rejection(engine.toValue(ref(path, size), z.array(z.array(z.int()))));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.message).toContain("refers back to itself");
    const after = counts.reads;
    await settle();
    expect(counts.reads).toBe(after);
    expect(counts.reads).toBeLessThan(5);
  });

  it("distinct parts that each refer ten times to the next are bounded by the number of references", async () => {
    let next: Literal = lit.collection([lit.integer(1n)]);
    for (let level = 7; level >= 0; level--) {
      const [path, size] = store(`fan-${level}.pb`, next);
      next = lit.collection(Array.from({ length: 10 }, () => ref(path, size)));
    }
    const { storage, counts } = countingStorage();
    const e = await rejection(resolveOffloaded(next, storage));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.message).toContain("too many references");
    await settle();
    // Each file is read once, however often it is referred to.
    expect(counts.reads).toBeLessThanOrEqual(8);
  });

  it("a part larger than its size_bytes is refused after reading one byte more than it claims", async () => {
    const { storage, counts } = countingStorage();
    const e = await rejection(resolveOffloaded(lit.collection([ref("/dev/zero", 100)]), storage));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(e.message).toContain("larger than the 100 bytes");
    expect(counts.bytes).toBeLessThanOrEqual(101);
  });

  it("a part with no size is read only up to the byte budget", async () => {
    const { storage, counts } = countingStorage();
    const e = await rejection(resolveOffloaded(ref("/dev/zero", 0), storage, { maxBytes: 1 << 20 }));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(counts.bytes).toBeLessThanOrEqual((1 << 20) + 65536);
  });

  it("parts that together claim more than the budget are refused before they are read", async () => {
    const [path, size] = store("small.pb", lit.collection([lit.integer(1n)]));
    const { storage, counts } = countingStorage();
    const many = lit.collection(Array.from({ length: 20 }, () => ref(path, size)));
    const e = await rejection(resolveOffloaded(many, storage, { maxBytes: size * 10 }));
    expect(e.code).toBe(ErrorCode.invalidLiteral);
    expect(counts.reads).toBeLessThanOrEqual(1);
  });

  it("a __proto__ entry of a map with offloaded parts stays an entry", async () => {
    const [path, size] = store("one.pb", lit.integer(7n));
    const entries = Object.fromEntries([
      ["__proto__", ref(path, size)],
      ["plain", lit.integer(1n)],
    ]) as Record<string, Literal>;
    const resolved = await resolveOffloaded(lit.map(entries), countingStorage().storage);
    const literals = (resolved.value as { value: { literals: Record<string, Literal> } }).value.literals;
    expect(Object.keys(literals).sort()).toEqual(["__proto__", "plain"]);
    expect(Object.getPrototypeOf(literals)).toBe(Object.prototype);
  });
});
