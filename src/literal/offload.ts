// Offloaded literals (flyteidl's LiteralOffloadedMetadata): a literal too large to travel inline is stored as its
// own protobuf file, and the inline literal only names it. We read them wherever they appear, and write them for
// task outputs the way flytekit's entrypoint does (`_F_L_MIN_SIZE_MB` / `_F_L_MAX_SIZE_MB`).
import { ErrorCode, FlyteTypeError, fail, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { Storage } from "../storage/storage.js";
import { isRemote, joinUri, localPath } from "../storage/uri.js";
import { type Literal, type LiteralType, lit } from "./model.js";

// Binary forms and hashes need the protobuf runtime: loaded on the first offloaded literal, not at import.
const wire = () => import("./wire.js");
const hashing = async () => ({ ...(await import("./literal-hash.js")), ...(await import("./descriptors.js")) });

const MiB = 1024 * 1024;
/** An offloaded literal that points at another one, and so on: a cycle or a broken writer past this depth. */
const MAX_INDIRECTION = 8;

/** Whether any part of the literal is offloaded; a synchronous scan, so inline literals cost no promises. */
export function hasOffloaded(l: Literal): boolean {
  const v = l.value;
  switch (v.case) {
    case "offloadedMetadata":
      return true;
    case "collection":
      return v.value.literals.some(hasOffloaded);
    case "map":
      return Object.values(v.value.literals).some(hasOffloaded);
    case "scalar":
      return v.value.value.case === "union" && v.value.value.value.value !== undefined
        ? hasOffloaded(v.value.value.value.value)
        : false;
    default:
      return false;
  }
}

/** Limits on reading offloaded literals: what one literal from outside may make us fetch. */
export interface ResolveOptions {
  /**
   * Bytes all offloaded parts may add up to, counting a part each time it is referred to; default 1000 MiB,
   * flytekit's largest offloaded literal. A part larger than its `size_bytes` is refused as soon as it is.
   */
  readonly maxBytes?: number;
  /** References to offloaded parts one literal may hold, counted each time one is met; default 10,000. */
  readonly maxReferences?: number;
}

interface Budget {
  bytes: number;
  references: number;
  readonly maxReferences: number;
  /** Each URI is fetched once per call, however often it is referred to. */
  readonly fetched: Map<string, Promise<Literal>>;
  /** Aborted when the call fails, so reads still running stop instead of going on for nothing. */
  readonly signal: AbortSignal;
  readonly storage: Storage;
}

/**
 * The literal with every offloaded part replaced by the literal stored at its URI (fetched concurrently). Work is
 * bounded whatever the literal holds: a part that refers back to itself, more than `maxReferences` references, or
 * more than `maxBytes` in all is an `invalid_literal`, and the reads still running stop when the call fails.
 */
export async function resolveOffloaded(l: Literal, storage: Storage, options: ResolveOptions = {}): Promise<Literal> {
  if (!hasOffloaded(l)) return l;
  const controller = new AbortController();
  const budget: Budget = {
    bytes: options.maxBytes ?? 1000 * MiB,
    references: options.maxReferences ?? 10_000,
    maxReferences: options.maxReferences ?? 10_000,
    fetched: new Map(),
    signal: controller.signal,
    storage,
  };
  try {
    return await resolveIn(l, budget, []);
  } catch (e) {
    controller.abort();
    throw e;
  }
}

async function resolveIn(l: Literal, budget: Budget, chain: readonly string[]): Promise<Literal> {
  if (!hasOffloaded(l)) return l;
  const v = l.value;
  switch (v.case) {
    case "offloadedMetadata": {
      const { uri, sizeBytes } = v.value;
      // Another branch has failed the call: start nothing new.
      if (budget.signal.aborted) fail(ErrorCode.invalidLiteral, msg.offloadedAbandoned(uri), { root: uri });
      if (uri === "") fail(ErrorCode.invalidLiteral, msg.offloadedWithoutUri, { expected: "a uri" });
      if (chain.includes(uri)) fail(ErrorCode.invalidLiteral, msg.offloadedCycle(uri), { root: uri });
      if (chain.length >= MAX_INDIRECTION) {
        fail(ErrorCode.invalidLiteral, msg.offloadedTooDeep(MAX_INDIRECTION), { root: uri });
      }
      if (--budget.references < 0) {
        fail(ErrorCode.invalidLiteral, msg.offloadedTooMany(uri, budget.maxReferences), { root: uri });
      }
      // A known size is charged before the read; an unknown one (0) may use what is left, and is charged after.
      const claimed = Number(sizeBytes);
      if (claimed > budget.bytes) fail(ErrorCode.invalidLiteral, msg.offloadedTooLarge(uri, claimed), { root: uri });
      const limit = claimed > 0 ? claimed : budget.bytes;
      budget.bytes -= claimed;
      let fetching = budget.fetched.get(uri);
      if (fetching === undefined) {
        fetching = fetchLiteral(uri, limit, claimed > 0, budget);
        budget.fetched.set(uri, fetching);
      }
      return resolveIn(await fetching, budget, [...chain, uri]);
    }
    case "collection": {
      const literals = await Promise.all(v.value.literals.map((c) => resolveIn(c, budget, chain)));
      return { ...l, value: { case: "collection", value: { ...v.value, literals } } };
    }
    case "map": {
      const entries = Object.entries(v.value.literals);
      const values = await Promise.all(entries.map(([, c]) => resolveIn(c, budget, chain)));
      // fromEntries defines each key as data: a `__proto__` entry stays an entry.
      const literals = Object.fromEntries(entries.map(([k], i) => [k, values[i] as Literal]));
      return { ...l, value: { case: "map", value: { ...v.value, literals } } };
    }
    case "scalar": {
      const u = v.value.value;
      if (u.case !== "union" || u.value.value === undefined) return l;
      const inner = await resolveIn(u.value.value, budget, chain);
      return {
        ...l,
        value: { case: "scalar", value: { ...v.value, value: { case: "union", value: { ...u.value, value: inner } } } },
      };
    }
    default:
      return l;
  }
}

/** Reads at most `limit` bytes of `uri` (one more, to tell a larger object) and decodes them. */
async function fetchLiteral(uri: string, limit: number, claimed: boolean, budget: Budget): Promise<Literal> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of budget.storage.read(uri, { start: 0, end: limit + 1 })) {
    if (budget.signal.aborted) fail(ErrorCode.invalidLiteral, msg.offloadedAbandoned(uri), { root: uri });
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > limit) {
      fail(ErrorCode.invalidLiteral, claimed ? msg.offloadedOverSize(uri, limit) : msg.offloadedTooLarge(uri, size), {
        root: uri,
      });
    }
  }
  if (!claimed) budget.bytes -= size;
  const { decodeLiteral } = await wire();
  try {
    return decodeLiteral(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, size));
  } catch (e) {
    if (!isFlyteTypeError(e)) throw e;
    throw new FlyteTypeError(
      e.issues.map((i) => ({ ...i, path: uri, message: msg.offloadedAt(uri, i.message) })),
      { cause: e },
    );
  }
}

/**
 * Where, and from what size, `toOutputs` writes literals to storage instead of inline (flytekit's literal
 * offloading); `offloadFromEnv()` reads them as flytekit's entrypoint does.
 */
export interface OffloadOptions {
  /** The task's output prefix: a literal named `k` goes to `<outputPrefix>/<k>_offloaded_metadata.pb`. */
  readonly outputPrefix: string;
  /** Offload literals of at least this many bytes; default 10 MiB (`offloadFromEnv` takes `_F_L_MIN_SIZE_MB`). */
  readonly minBytes?: number;
  /** Refuse literals of at least this many bytes; default 1000 MiB (`offloadFromEnv`: `_F_L_MAX_SIZE_MB`). */
  readonly maxBytes?: number;
}

/**
 * Offloading settings from the environment, as flytekit reads them: enabled only when Flyte set
 * `_F_L_MIN_SIZE_MB` on the task's pod.
 */
export function offloadFromEnv(outputPrefix: string, env = process.env): OffloadOptions | undefined {
  const min = env._F_L_MIN_SIZE_MB;
  if (min === undefined) return undefined;
  return {
    outputPrefix,
    minBytes: mebibytes("_F_L_MIN_SIZE_MB", min || "10"),
    maxBytes: mebibytes("_F_L_MAX_SIZE_MB", env._F_L_MAX_SIZE_MB ?? "1000"),
  };
}

/** A whole number of MiB from the environment, in bytes; anything else (`abc`, `-1`, `2.5`) is a typed error. */
function mebibytes(name: string, value: string): number {
  // What Python's int() takes, less the negative numbers, which would offload everything or refuse everything.
  if (!/^\s*\+?\d+(_\d+)*\s*$/.test(value)) {
    fail(ErrorCode.typeMismatch, msg.badEnvSize(name, value), {
      root: name,
      expected: "a whole number of MiB",
      received: JSON.stringify(value),
    });
  }
  return Number(value.trim().replace(/[+_]/g, "")) * MiB;
}

/**
 * The literal itself when it is smaller than `minBytes`; otherwise it is written to storage and the returned
 * literal names it, with its size, its type and a hash (its own, or flytekit's hash of its content) for caching.
 * The write completes before the returned literal exists.
 */
export async function offloadLiteral(
  name: string,
  literal: Literal,
  literalType: LiteralType,
  options: OffloadOptions,
  storage: Storage,
): Promise<Literal> {
  const bytes = (await wire()).encodeLiteral(literal);
  const size = bytes.byteLength;
  const max = options.maxBytes ?? 1000 * MiB;
  if (size >= max) {
    fail(ErrorCode.outOfRange, msg.offloadTooLarge(name, max, size), {
      root: name,
      expected: `fewer than ${max} bytes`,
      received: `${size} bytes`,
    });
  }
  if (size < (options.minBytes ?? 10 * MiB)) return literal;
  // A local prefix is made absolute, as uploads are: the literal is read later from another working directory.
  const prefix = isRemote(options.outputPrefix) ? options.outputPrefix : localPath(options.outputPrefix);
  const uri = joinUri(prefix, `${name}_offloaded_metadata.pb`);
  await storage.write(uri, bytes);
  const { computeHashString, LiteralSchema } = await hashing();
  return {
    ...lit.offloaded(uri, BigInt(size), literalType),
    hash: literal.hash !== "" ? literal.hash : computeHashString(LiteralSchema, literal),
  };
}
