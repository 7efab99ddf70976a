// The type engine: compiles a type once (cached per schema), then converts values ⇄ literals synchronously
// inside. The public calls are async so that I/O kinds (files, datasets) fit the same API.
import type { z } from "zod";
import type { Codec } from "../codec/codec.js";
import type { ConvertOptions, ResolvedOptions } from "../codec/context.js";
import type { TypeDesc } from "../codec/descriptor.js";
import { isMappedType, type MappedType, type Registration, type Transformer } from "../codec/transformer.js";
import type { DatasetRegistry } from "../dataset/dataset-registry.js";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { describeLiteralType, describeValue, msg } from "../errors/messages.js";
import { literalTypeKey, typesCastable } from "../literal/literal-types.js";
import { copyMessage, sameMessage } from "../literal/message-equal.js";
import type { Literal, LiteralType } from "../literal/model.js";
import type { Storage } from "../storage/storage.js";
import { type Compiled, compileSpec, type TypeSpec } from "./compile.js";
import type { InputOf, ValueOf } from "./convert.js";
import { convertToLiterals, convertToValues, type Entry } from "./convert.js";
import { retarget } from "./expected-type.js";
import type { RegisterOptions, Registry } from "./registry.js";
import { createInterface, type InterfaceSpec, type NoVariables, type TypedIO } from "./task-interface.js";

export type { ValueOf } from "./convert.js";

/**
 * Converts values to Flyte literals and back, by zod schema or registered class. Made by `createTypeEngine()`;
 * each engine has its own registry, storage and dataset handlers. Conversions are synchronous inside; the calls
 * are async so that files and datasets (uploaded or written before the literal is returned) fit the same API.
 */
export interface TypeEngine {
  /** The kinds and registered types this engine converts. */
  readonly registry: Registry;
  /** Where local files are uploaded and what file handles read from, unless a call gives its own. */
  readonly storage: Storage;
  /** The data-frame encoders and decoders StructuredDatasets are written and read with, unless a call gives its own. */
  readonly datasets: DatasetRegistry;
  /** The LiteralType a type declares (what flytekit's `TypeEngine.to_literal_type` gives for the Python type). */
  literalType(spec: TypeSpec): LiteralType;
  /**
   * A value as a Literal, exactly as the Python SDKs write it. Every problem is reported at once in one
   * FlyteTypeError (path, expected, received); no partial literal is ever returned.
   */
  toLiteral<S extends TypeSpec>(value: InputOf<S>, spec: S, options?: ConvertOptions): Promise<Literal>;
  /** A Literal read as a value of `spec`; offloaded literals are fetched first; files and datasets come as handles. */
  toValue<S extends TypeSpec>(literal: Literal, spec: S, options?: ConvertOptions): Promise<ValueOf<S>>;
  /** A type that reads literals of `literalType`: lossless by default (INTEGER → z.bigint(), DATETIME → timestamp()). */
  guessType(literalType: LiteralType): TypeSpec;
  /** A task's typed interface: named inputs and outputs, converted together to and from LiteralMaps. */
  interface<I extends Record<string, TypeSpec> = NoVariables, O extends Record<string, TypeSpec> = NoVariables>(
    spec: InterfaceSpec<I, O>,
  ): TypedIO<I, O>;
  /**
   * Registers a type of yours: a `MappedType` (your class carried by a wire schema Flyte knows, the usual way), or a
   * low-level `Transformer` for a type with its own literal form. Throws if the key is taken, unless `override`.
   */
  register<T, S extends z.ZodType>(type: MappedType<T, S> | Transformer<T>, options?: RegisterOptions): void;
  /** The compiled codec of a type, for SDK code converting many values of one type. */
  codec(spec: TypeSpec): Codec;
  /** The descriptor a type compiles to, and whether zod checks values beyond it (for tools such as the testing kit). */
  describe(spec: TypeSpec): Compiled;
}

/** What an engine is made of, every part resolved (by `createTypeEngine`, the one place defaults are chosen). */
export interface EngineParts {
  readonly registry: Registry;
  readonly storage: Storage;
  readonly datasets: DatasetRegistry;
}

/** The engine over `parts`; `createTypeEngine` (src/defaults.ts) is the public way to make one. */
export function engineOf({ registry, storage, datasets }: EngineParts): TypeEngine {
  // Calls without their own storage use the engine's (one shared options object, no allocation per call).
  const base: ResolvedOptions = { storage, datasets };
  const resolve = (o: ConvertOptions | undefined): ResolvedOptions =>
    o === undefined ? base : { ...o, storage: o.storage ?? storage, datasets: o.datasets ?? datasets };
  let cache = new WeakMap<object, Entry>();
  let cachedVersion = registry.version;

  const compileDesc = (desc: TypeDesc, codecs: Map<TypeDesc, Codec>): Codec => {
    const known = codecs.get(desc);
    if (known !== undefined) return known;
    const handler = registry.kinds[desc.kind] as { compile: (d: TypeDesc, c: (d: TypeDesc) => Codec) => Codec };
    const codec = handler.compile(desc, (d) => compileDesc(d, codecs));
    codecs.set(desc, codec);
    return codec;
  };

  const entry = (spec: TypeSpec, root: string): Entry => {
    if (cachedVersion !== registry.version) {
      cache = new WeakMap();
      cachedVersion = registry.version;
    }
    if ((typeof spec !== "object" && typeof spec !== "function") || spec === null) {
      return fail(
        ErrorCode.unsupportedSchema,
        msg.expected("a zod schema or a registered class", describeValue(spec)),
        { root },
      );
    }
    let e = cache.get(spec);
    if (e === undefined) {
      const compiled = compileSpec(spec, registry, root);
      e = { ...compiled, codec: compileDesc(compiled.desc, new Map()) };
      cache.set(spec, e);
    }
    return e;
  };

  // Codecs for (type, expected LiteralType) pairs; keyed by the expected object, which SDKs hold per interface.
  const byExpected = new WeakMap<Entry, WeakMap<LiteralType, Entry>>();
  const expectedEntry = (e: Entry, expected: LiteralType): Entry => {
    let forEntry = byExpected.get(e);
    if (forEntry === undefined) {
      forEntry = new WeakMap();
      byExpected.set(e, forEntry);
    }
    let out = forEntry.get(expected);
    if (out === undefined) {
      const desc = retarget(e.desc, expected);
      out = desc === e.desc ? e : { ...e, desc, codec: compileDesc(desc, new Map()) };
      forEntry.set(expected, out);
    }
    return out;
  };

  const engine: TypeEngine = {
    registry,
    storage,
    datasets,
    literalType: (spec) => copyMessage(entry(spec, "type").codec.literalType),
    async toLiteral(value, spec, options) {
      const e = entry(spec, "value");
      const slot = { entry: options?.expected ? expectedEntry(e, options.expected) : e, spec, root: "value" };
      const [literal] = await convertToLiterals([slot], [value], resolve(options));
      return literal as Literal;
    },
    async toValue(literal, spec, options) {
      const [value] = await convertToValues(
        [{ entry: entry(spec, "value"), spec, root: "value" }],
        [literal],
        resolve(options),
      );
      return value as never;
    },
    guessType: (lt) => guess(registry, lt, (wire) => entry(wire, "type").codec.literalType),
    // `?? {}` for JavaScript callers that pass nothing: a task without inputs or outputs.
    interface: (spec) => createInterface(spec ?? {}, (s, root) => entry(s, root), resolve),
    register: (t, options) => registry.register(t as Registration, options),
    codec: (spec) => entry(spec, "type").codec,
    describe: (spec) => {
      const e = entry(spec, "type");
      return { desc: e.desc, validate: e.validate };
    },
  };
  return engine;
}

/** Whether two LiteralTypes are the same type (a union variant's structure tag aside). */
const sameType = (a: LiteralType, b: LiteralType): boolean =>
  sameMessage({ ...a, structure: undefined }, { ...b, structure: undefined });

function guess(registry: Registry, lt: LiteralType, wireType: (wire: z.ZodType) => LiteralType): TypeSpec {
  const key = literalTypeKey(lt);
  // A union variant tagged with a registered transformer's name is that transformer's type; a mapped type answers
  // for exactly its wire schema's LiteralType.
  const tag = lt.structure?.tag;
  for (const t of registry.transformers()) {
    if (isMappedType(t)) {
      if (sameType(lt, wireType(t.wire))) return t.type;
    } else if ((tag !== undefined && tag === t.name && typesCastable(lt, t.literalType)) || t.guess?.(lt) === true) {
      return t.type;
    }
  }
  const builtin = registry.builtinGuess(key);
  if (builtin === undefined) {
    return fail(
      ErrorCode.noTransformer,
      msg.noTransformer(`literal type ${describeLiteralType(lt)}`, registry.guessKeys()),
      {
        received: key,
      },
    );
  }
  return builtin.schema(lt, (child) => guess(registry, child, wireType) as z.ZodType);
}
