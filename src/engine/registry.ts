// A registry: the built-in kinds plus the user's transformers, keyed by class or zod schema. Registries are
// instances (createRegistry); nothing is global. A miss is a loud error that lists what is registered.
import type { KindGuess, KindHandler, KindTable } from "../codec/codec.js";
import type { Kind } from "../codec/descriptor.js";
import { isMappedType, type Registration, type TransformerKey } from "../codec/transformer.js";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { literalTypeKey } from "../literal/literal-types.js";

/** How a type is registered. */
export interface RegisterOptions {
  /** Replace an existing registration for the same key instead of throwing. Default false. */
  readonly override?: boolean;
}

/**
 * The types an engine converts: a handler for every built-in kind, plus your transformers and mapped types keyed by
 * class or zod schema (by identity). Made by `createRegistry`, or `createDefaultRegistry()` for the built-in kinds.
 */
export interface Registry {
  /** The built-in kinds' handlers, one per kind. */
  readonly kinds: KindTable;
  /** Bumped on every registration, so engines drop schemas compiled against the old contents. */
  readonly version: number;
  /** Adds a transformer (a type with its own literal form) or a mapped type (a type carried by a wire schema). */
  register(registration: Registration, options?: RegisterOptions): void;
  /** The registration for a class or zod schema (the very object registered as `type`), or undefined. */
  lookup(key: object): Registration | undefined;
  /** Every registration, transformers and mapped types. */
  transformers(): readonly Registration[];
  /** The built-in guess for a `literalTypeKey`, if a kind claims it. */
  builtinGuess(key: string): KindGuess | undefined;
  /** Every LiteralType key something can guess. */
  guessKeys(): readonly string[];
}

/**
 * A registry over `kinds`, with nothing registered yet. Throws `duplicate_registration` when two kinds claim the
 * same LiteralType key to guess.
 */
export function createRegistry(kinds: KindTable): Registry {
  const byKey = new Map<TransformerKey, Registration>();
  const guesses = new Map<string, KindGuess>();
  const guessedBy = new Map<string, Kind>();
  // The table has every kind (the compiler checks KindTable), so no kind's guess can be left out here.
  for (const [kind, handler] of Object.entries(kinds) as [Kind, KindHandler<Kind>][]) {
    const g = handler.guess;
    for (const key of g?.keys ?? []) {
      const other = guessedBy.get(key);
      if (other !== undefined) fail(ErrorCode.duplicateRegistration, msg.duplicateGuess(key, other, kind));
      guessedBy.set(key, kind);
      if (g !== undefined) guesses.set(key, g);
    }
  }
  let version = 0;

  return {
    kinds,
    get version() {
      return version;
    },
    register(transformer, options = {}) {
      const key = transformer.type;
      const existing = byKey.get(key);
      if (existing !== undefined && options.override !== true) {
        fail(
          ErrorCode.duplicateRegistration,
          msg.alreadyRegistered(
            `transformer (${JSON.stringify(existing.name)})`,
            "this type",
            JSON.stringify(transformer.name),
          ),
        );
      }
      byKey.set(key, transformer);
      version++;
    },
    lookup: (key) => byKey.get(key as TransformerKey),
    transformers: () => [...byKey.values()],
    builtinGuess: (key) => guesses.get(key),
    guessKeys: () => [
      ...guesses.keys(),
      ...[...byKey.values()].flatMap((t) => (!isMappedType(t) && t.guess ? [literalTypeKey(t.literalType)] : [])),
    ],
  };
}
