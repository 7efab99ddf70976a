// Offloaded literals (flyteidl's LiteralOffloadedMetadata): a literal too large to travel inline is stored as its
// own protobuf file, and the inline literal only names it. We read them wherever they appear, and write them for
// task outputs the way flytekit's entrypoint does (`_F_L_MIN_SIZE_MB` / `_F_L_MAX_SIZE_MB`).
import { ErrorCode, FlyteTypeError, fail, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { Storage } from "../storage/storage.js";
import { joinUri } from "../storage/uri.js";
import { computeHashString } from "./literal-hash.js";
import { type Literal, LiteralSchema, type LiteralType } from "./model.js";
import { decodeLiteral, encodeLiteral } from "./wire.js";

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

/** The literal with every offloaded part replaced by the literal stored at its URI (fetched concurrently). */
export async function resolveOffloaded(l: Literal, storage: Storage, depth = 0): Promise<Literal> {
  if (!hasOffloaded(l)) return l;
  const v = l.value;
  switch (v.case) {
    case "offloadedMetadata": {
      const uri = v.value.uri;
      if (uri === "") fail(ErrorCode.invalidLiteral, msg.offloadedWithoutUri, { expected: "a uri" });
      if (depth >= MAX_INDIRECTION) {
        fail(ErrorCode.invalidLiteral, msg.offloadedTooDeep(MAX_INDIRECTION), { root: uri });
      }
      return resolveOffloaded(await fetchLiteral(uri, storage), storage, depth + 1);
    }
    case "collection": {
      const literals = await Promise.all(
        v.value.literals.map((c) => (hasOffloaded(c) ? resolveOffloaded(c, storage, depth) : c)),
      );
      return { ...l, value: { case: "collection", value: { ...v.value, literals } } };
    }
    case "map": {
      const keys = Object.keys(v.value.literals);
      const values = await Promise.all(
        keys.map((k) => {
          const c = v.value.literals[k] as Literal;
          return hasOffloaded(c) ? resolveOffloaded(c, storage, depth) : c;
        }),
      );
      const literals: { [k: string]: Literal } = {};
      keys.forEach((k, i) => {
        literals[k] = values[i] as Literal;
      });
      return { ...l, value: { case: "map", value: { ...v.value, literals } } };
    }
    case "scalar": {
      const u = v.value.value;
      if (u.case !== "union" || u.value.value === undefined) return l;
      const inner = await resolveOffloaded(u.value.value, storage, depth);
      return {
        ...l,
        value: { case: "scalar", value: { ...v.value, value: { case: "union", value: { ...u.value, value: inner } } } },
      };
    }
    default:
      return l;
  }
}

async function fetchLiteral(uri: string, storage: Storage): Promise<Literal> {
  const bytes = await storage.readBytes(uri);
  try {
    return decodeLiteral(bytes);
  } catch (e) {
    if (!isFlyteTypeError(e)) throw e;
    throw new FlyteTypeError(
      e.issues.map((i) => ({ ...i, path: uri, message: msg.offloadedAt(uri, i.message) })),
      { cause: e },
    );
  }
}

export interface OffloadOptions {
  /** The task's output prefix: a literal named `k` goes to `<outputPrefix>/<k>_offloaded_metadata.pb`. */
  readonly outputPrefix: string;
  /** Offload literals of at least this many bytes; default `_F_L_MIN_SIZE_MB` MiB, else 10 MiB. */
  readonly minBytes?: number;
  /** Refuse literals of at least this many bytes; default `_F_L_MAX_SIZE_MB` MiB, else 1000 MiB. */
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
    minBytes: Number.parseInt(min || "10", 10) * MiB,
    maxBytes: Number.parseInt(env._F_L_MAX_SIZE_MB ?? "1000", 10) * MiB,
  };
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
  const bytes = encodeLiteral(literal);
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
  const uri = joinUri(options.outputPrefix, `${name}_offloaded_metadata.pb`);
  await storage.write(uri, bytes);
  return {
    $typeName: "flyteidl.core.Literal",
    value: {
      case: "offloadedMetadata",
      value: {
        $typeName: "flyteidl.core.LiteralOffloadedMetadata",
        uri,
        sizeBytes: BigInt(size),
        inferredType: literalType,
      },
    },
    hash: literal.hash !== "" ? literal.hash : computeHashString(LiteralSchema, literal),
    metadata: {},
  };
}
