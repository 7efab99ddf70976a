// Typed task interfaces: named inputs and outputs ⇄ TypedInterface and LiteralMaps, all errors reported at once.

import type { ConvertOptions, ResolvedOptions } from "../codec/context.js";
import { defaultOf, isZodSchema, metaOf } from "../codec/zod-reader.js";
import { ErrorCode, fail, type Issue } from "../errors/flyte-type-error.js";
import { describeValue, msg } from "../errors/messages.js";
import { copyMessage } from "../literal/message-equal.js";
import {
  type Literal,
  type LiteralMap,
  lit,
  type TypedInterface,
  type Variable,
  type VariableMap,
} from "../literal/model.js";
import type { TypeSpec } from "./compile.js";
import { convertToLiterals, convertToValues, type Entry, type InputOf, type Slot, type ValueOf } from "./convert.js";

/** No variables: the side of an interface that was left out. */
export type NoVariables = Record<string, never>;

/** A task's variables by name, each a zod schema or a registered class. A side left out has no variables. */
export interface InterfaceSpec<I extends Record<string, TypeSpec>, O extends Record<string, TypeSpec>> {
  /** The task's inputs. */
  readonly inputs?: I;
  /** The task's outputs. */
  readonly outputs?: O;
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

/** A task's typed interface: its inputs and outputs converted together, as at a task boundary. */
export interface TypedIO<I extends Record<string, TypeSpec>, O extends Record<string, TypeSpec>> {
  /** The flyteidl TypedInterface, variables sorted by name as Flyte 2 writes them. */
  readonly typedInterface: TypedInterface;
  /**
   * The inputs as a LiteralMap (an inputs.pb): defaults filled in, every problem reported at once
   * (`inputs.<name>…`), files and datasets uploaded before it resolves.
   */
  toInputs(values: InputValues<I>, options?: ConvertOptions): Promise<LiteralMap>;
  /** Typed values from an inputs LiteralMap; offloaded literals are fetched; missing and unknown names are errors. */
  fromInputs(map: LiteralMap, options?: ConvertOptions): Promise<Values<I>>;
  /** The outputs as a LiteralMap (an outputs.pb); `options.offload` writes large ones as flytekit's entrypoint does. */
  toOutputs(values: InputValues<O>, options?: ConvertOptions): Promise<LiteralMap>;
  /** Typed values from an outputs LiteralMap, as the next task reads them. */
  fromOutputs(map: LiteralMap, options?: ConvertOptions): Promise<Values<O>>;
}

type Resolve = (spec: TypeSpec, root: string) => Entry;

/** One side of an interface (inputs or outputs): its variables, sorted by name as Flyte 2 writes them. */
interface Side {
  readonly root: string;
  readonly slots: readonly (Slot & { readonly name: string })[];
  readonly specs: Readonly<Record<string, TypeSpec>>;
}

/** Whether `x` is an object literal's kind of object (not a Map, an array, a class instance or a zod schema). */
const isPlainObject = (x: unknown): boolean =>
  typeof x === "object" &&
  x !== null &&
  (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

function side(root: string, specs: Record<string, TypeSpec> | undefined = {}, resolve: Resolve): Side {
  if (!isPlainObject(specs)) {
    // z.object({…}) where its shape belongs is the likely slip; say so.
    const schema = isZodSchema(specs);
    fail(
      ErrorCode.unsupportedSchema,
      schema ? msg.schemaAsVariables(root) : msg.notVariables(root, describeValue(specs)),
      {
        root,
        expected: "an object of named types",
        received: schema ? "a zod schema" : describeValue(specs),
      },
    );
  }
  if (Object.hasOwn(specs, "__proto__")) {
    // A LiteralMap's literals are a plain object: this key would set its prototype instead of naming a literal.
    fail(ErrorCode.unsupportedSchema, msg.protoVariable(root), { root: `${root}.__proto__`, expected: "another name" });
  }
  const slots = Object.entries(specs)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, spec]) => ({ name, spec, root: `${root}.${name}`, entry: resolve(spec, `${root}.${name}`) }));
  return { root, slots, specs };
}

function variableMap(s: Side): VariableMap {
  const variables: { [k: string]: Variable } = {};
  for (const slot of s.slots) {
    variables[slot.name] = {
      $typeName: "flyteidl.core.Variable",
      type: copyMessage(slot.entry.codec.literalType),
      description: typeof slot.spec === "function" ? "" : (metaOf(slot.spec).description ?? ""),
    } as Variable;
  }
  return { $typeName: "flyteidl.core.VariableMap", variables };
}

/** Issues for the names given that the side does not declare. */
function extras(s: Side, given: readonly string[]): Issue[] {
  const names = s.slots.map((x) => x.name);
  return given
    .filter((k) => !Object.hasOwn(s.specs, k))
    .map((k) => ({ code: ErrorCode.unexpectedValue, path: `${s.root}.${k}`, message: msg.unexpected(k, names) }));
}

/** A schema's `.default()` value, if it has one. */
function defaultValue(spec: TypeSpec): { value: unknown } | undefined {
  return typeof spec === "function" ? undefined : defaultOf(spec);
}

function acceptsUndefined(e: Entry): boolean {
  const d = e.desc;
  if (d.kind === "none") return d.repr === "undefined";
  return d.kind === "union" && d.variants.some((v) => v.kind === "none" && v.repr === "undefined");
}

async function toMap(
  s: Side,
  values: Readonly<Record<string, unknown>>,
  options: ResolvedOptions,
): Promise<LiteralMap> {
  const given = s.slots.map((slot) => {
    const v = Object.hasOwn(values, slot.name) ? values[slot.name] : undefined;
    return v === undefined ? (defaultValue(slot.spec)?.value ?? v) : v;
  });
  const literals = await convertToLiterals(s.slots, given, options, extras(s, Object.keys(values)));
  const out: { [k: string]: Literal } = {};
  s.slots.forEach((slot, i) => {
    out[slot.name] = literals[i] as Literal;
  });
  return lit.literalMap(out);
}

async function fromMap(s: Side, map: LiteralMap, options: ResolvedOptions): Promise<Record<string, unknown>> {
  const present: Side["slots"][number][] = [];
  const literals: Literal[] = [];
  const out: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const slot of s.slots) {
    const literal = Object.hasOwn(map.literals, slot.name) ? map.literals[slot.name] : undefined;
    if (literal !== undefined) {
      present.push(slot);
      literals.push(literal);
      continue;
    }
    const d = defaultValue(slot.spec);
    if (d !== undefined) out[slot.name] = d.value;
    else if (!acceptsUndefined(slot.entry)) {
      issues.push({ code: ErrorCode.missingValue, path: slot.root, message: msg.missing(slot.name) });
    }
  }
  issues.push(...extras(s, Object.keys(map.literals)));
  const values = await convertToValues(present, literals, options, issues);
  present.forEach((slot, i) => {
    out[slot.name] = values[i];
  });
  return out;
}

export function createInterface<
  I extends Record<string, TypeSpec> = NoVariables,
  O extends Record<string, TypeSpec> = NoVariables,
>(
  spec: InterfaceSpec<I, O>,
  resolve: Resolve,
  options: (o: ConvertOptions | undefined) => ResolvedOptions,
): TypedIO<I, O> {
  if (!isPlainObject(spec)) {
    fail(ErrorCode.unsupportedSchema, msg.notInterface(describeValue(spec)), {
      root: "interface",
      expected: "{ inputs, outputs }",
      received: describeValue(spec),
    });
  }
  const inputs = side("inputs", spec.inputs, resolve);
  const outputs = side("outputs", spec.outputs, resolve);
  return {
    typedInterface: {
      $typeName: "flyteidl.core.TypedInterface",
      inputs: variableMap(inputs),
      outputs: variableMap(outputs),
    } as TypedInterface,
    toInputs: (values, o) => toMap(inputs, values, options(o)),
    fromInputs: (map, o) => fromMap(inputs, map, options(o)) as Promise<Values<I>>,
    toOutputs: (values, o) => toMap(outputs, values, options(o)),
    fromOutputs: (map, o) => fromMap(outputs, map, options(o)) as Promise<Values<O>>,
  };
}
