// Typed task interfaces: named inputs and outputs ⇄ TypedInterface and LiteralMaps, all errors reported at once.

import { clone } from "@bufbuild/protobuf";
import { z } from "zod";
import type { ConvertOptions } from "../codec/context.js";
import { defaultOf, metaOf } from "../codec/zod-reader.js";
import { ErrorCode, FlyteTypeError, type Issue } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import {
  type Literal,
  type LiteralMap,
  LiteralTypeSchema,
  lit,
  type TypedInterface,
  type Variable,
  type VariableMap,
} from "../literal/model.js";
import { offloadLiteral, resolveOffloaded } from "../literal/offload.js";
import { defaultStorage } from "../storage/default-storage.js";
import type { TypeSpec } from "./compile.js";
import { type Entry, type InputOf, type Planned, planLiteral, readValue, type ValueOf } from "./convert.js";
import { performUploads } from "./uploads.js";

export interface InterfaceSpec<I extends Record<string, TypeSpec>, O extends Record<string, TypeSpec>> {
  readonly inputs: I;
  readonly outputs: O;
}

type Optional<T extends Record<string, TypeSpec>, V extends Record<keyof T, unknown>> = {
  [K in keyof T]: undefined extends V[K] ? K : never;
}[keyof T];
type Named<T extends Record<string, TypeSpec>, V extends Record<keyof T, unknown>> = {
  [K in Exclude<keyof T, Optional<T, V>>]: V[K];
} & { [K in Optional<T, V>]?: V[K] };

/** The values read for a set of named types; names whose type admits undefined may be absent. */
export type Values<T extends Record<string, TypeSpec>> = Named<T, { [K in keyof T]: ValueOf<T[K]> }>;
/** The values accepted for a set of named types: zod's input types, so names with a `.default()` may be left out. */
export type InputValues<T extends Record<string, TypeSpec>> = Named<T, { [K in keyof T]: InputOf<T[K]> }>;

export interface TypedIO<I extends Record<string, TypeSpec>, O extends Record<string, TypeSpec>> {
  /** Variables sorted by name, as Flyte 2 writes them. */
  readonly typedInterface: TypedInterface;
  toInputs(values: InputValues<I>, options?: ConvertOptions): Promise<LiteralMap>;
  fromInputs(map: LiteralMap, options?: ConvertOptions): Promise<Values<I>>;
  toOutputs(values: InputValues<O>, options?: ConvertOptions): Promise<LiteralMap>;
  fromOutputs(map: LiteralMap, options?: ConvertOptions): Promise<Values<O>>;
}

type Resolve = (spec: TypeSpec, root: string) => Entry;

interface Side {
  readonly root: string;
  readonly names: readonly string[];
  readonly specs: Record<string, TypeSpec>;
  readonly entries: Record<string, Entry>;
}

function description(spec: TypeSpec): string {
  if (typeof spec === "function") return "";
  return metaOf(spec).description ?? "";
}

/** A schema's default value (zod `.default()`), if it has one. */
function defaultValue(spec: TypeSpec): { value: unknown } | undefined {
  return typeof spec === "function" ? undefined : defaultOf(spec);
}

function side(root: string, specs: Record<string, TypeSpec>, resolve: Resolve): Side {
  const names = Object.keys(specs).sort();
  const entries: Record<string, Entry> = {};
  for (const n of names) entries[n] = resolve(specs[n] as TypeSpec, `${root}.${n}`);
  return { root, names, specs, entries };
}

function variableMap(s: Side): VariableMap {
  const variables: { [k: string]: Variable } = {};
  for (const n of s.names) {
    variables[n] = {
      $typeName: "flyteidl.core.Variable",
      type: clone(LiteralTypeSchema, (s.entries[n] as Entry).codec.literalType),
      description: description(s.specs[n] as TypeSpec),
    } as Variable;
  }
  return { $typeName: "flyteidl.core.VariableMap", variables };
}

/** Runs `each` for every name, gathering every input's issues (after `initial`) into one error. */
function gather(s: Side, initial: Issue[], each: (name: string) => void): void {
  const issues: Issue[] = [];
  let omitted = 0;
  for (const n of s.names) {
    try {
      each(n);
    } catch (e) {
      if (!(e instanceof FlyteTypeError)) throw e;
      issues.push(...e.issues);
      omitted += e.omitted;
    }
  }
  issues.push(...initial);
  if (issues.length > 0) throw new FlyteTypeError(issues, { omitted });
}

function extras(s: Side, given: readonly string[]): Issue[] {
  return given
    .filter((k) => !Object.hasOwn(s.specs, k))
    .map((k) => ({ code: ErrorCode.unexpectedValue, path: `${s.root}.${k}`, message: msg.unexpected(k, s.names) }));
}

async function toMap(s: Side, values: Record<string, unknown>, options?: ConvertOptions): Promise<LiteralMap> {
  const plans: { [k: string]: Planned } = {};
  const unexpected = extras(s, Object.keys(values));
  gather(s, unexpected, (n) => {
    let v = values[n];
    const d = v === undefined ? defaultValue(s.specs[n] as TypeSpec) : undefined;
    if (d !== undefined) v = d.value;
    plans[n] = planLiteral(s.entries[n] as Entry, s.specs[n] as TypeSpec, v, `${s.root}.${n}`, options);
  });
  // Every value converted: now the uploads of all of them, then (for outputs) offloading.
  const all = Object.values(plans);
  await performUploads(
    all.flatMap((p) => p.uploads),
    (all[0] as Planned | undefined)?.storage ?? defaultStorage(),
  );
  const literals: { [k: string]: Literal } = {};
  for (const n of s.names) {
    const p = plans[n];
    if (p === undefined) continue;
    const offload = options?.offload;
    literals[n] =
      offload === undefined
        ? p.literal
        : await offloadLiteral(n, p.literal, (s.entries[n] as Entry).codec.literalType, offload, p.storage);
  }
  return lit.literalMap(literals);
}

async function fromMap(s: Side, map: LiteralMap, options?: ConvertOptions): Promise<Record<string, unknown>> {
  const storage = options?.storage ?? defaultStorage();
  const inline: { [k: string]: Literal } = {};
  await Promise.all(
    Object.entries(map.literals).map(async ([k, l]) => {
      inline[k] = await resolveOffloaded(l, storage);
    }),
  );
  const out: Record<string, unknown> = {};
  const unexpected = extras(s, Object.keys(inline));
  gather(s, unexpected, (n) => {
    const literal = inline[n];
    if (literal === undefined) {
      const d = defaultValue(s.specs[n] as TypeSpec);
      if (d !== undefined) out[n] = d.value;
      else if (!acceptsUndefined(s.entries[n] as Entry)) {
        throw new FlyteTypeError([{ code: ErrorCode.missingValue, path: `${s.root}.${n}`, message: msg.missing(n) }]);
      }
      return;
    }
    out[n] = readValue(s.entries[n] as Entry, s.specs[n] as TypeSpec, literal, `${s.root}.${n}`, options);
  });
  return out;
}

function acceptsUndefined(e: Entry): boolean {
  const d = e.desc;
  if (d.kind === "none") return d.repr === "undefined";
  return d.kind === "union" && d.variants.some((v) => v.kind === "none" && v.repr === "undefined");
}

export function createInterface<I extends Record<string, TypeSpec>, O extends Record<string, TypeSpec>>(
  spec: InterfaceSpec<I, O>,
  resolve: Resolve,
  defaults: (o: ConvertOptions | undefined) => ConvertOptions | undefined = (o) => o,
): TypedIO<I, O> {
  const inputs = side("inputs", spec.inputs, resolve);
  const outputs = side("outputs", spec.outputs, resolve);
  return {
    typedInterface: {
      $typeName: "flyteidl.core.TypedInterface",
      inputs: variableMap(inputs),
      outputs: variableMap(outputs),
    } as TypedInterface,
    toInputs: (values, options) => toMap(inputs, values as Record<string, unknown>, defaults(options)),
    fromInputs: (map, options) => fromMap(inputs, map, defaults(options)) as Promise<Values<I>>,
    toOutputs: (values, options) => toMap(outputs, values as Record<string, unknown>, defaults(options)),
    fromOutputs: (map, options) => fromMap(outputs, map, defaults(options)) as Promise<Values<O>>,
  };
}
