// Converting values of compiled types, with every issue reported at once: the one orchestration path shared by
// the engine (one value) and task interfaces (a map of named values). The walk is synchronous; then, only if the
// walk succeeded for every value, the I/O it planned (uploads, offloading) runs for all of them together.
import type { z } from "zod";
import type { Codec } from "../codec/codec.js";
import { ConvertContext, type PlannedUpload, type ResolvedOptions } from "../codec/context.js";
import type { Class } from "../codec/transformer.js";
import { FlyteTypeError, type Issue, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { type Literal, lit } from "../literal/model.js";
import { offloadLiteral, resolveOffloaded } from "../literal/offload.js";
import type { Compiled, TypeSpec } from "./compile.js";
import { performUploads } from "./uploads.js";
import { validate } from "./zod-validation.js";

/** The TypeScript value of a type: zod's output type, or the instance type of a registered class. */
export type ValueOf<S> = S extends z.ZodType ? z.output<S> : S extends Class<infer I> ? I : never;
/**
 * What may be given for a type: zod's input type (a `.default()` admits undefined) or its output type (a `z.codec`
 * is given its decoded value, which its encode turns into the wire form), or the class instance.
 */
export type InputOf<S> = S extends z.ZodType ? z.input<S> | z.output<S> : S extends Class<infer I> ? I : never;

/** A compiled type and its codec. */
export interface Entry extends Compiled {
  readonly codec: Codec;
}

/** One value to convert: its compiled type, where it sits (`value`, `outputs.o`) and, in a map, its name. */
export interface Slot {
  readonly entry: Entry;
  readonly spec: TypeSpec;
  readonly root: string;
  /** The key in a LiteralMap; only named literals are offloaded (`<outputPrefix>/<name>_offloaded_metadata.pb`). */
  readonly name?: string;
}

/**
 * Runs `each` for every item and throws one error with every item's issues, followed by `extra` (names nobody
 * declared, say). Anything but a FlyteTypeError (of any copy of flyte-types) is a bug and propagates as is.
 */
export function gatherIssues<T>(items: readonly T[], each: (item: T) => void, extra: readonly Issue[] = []): void {
  const issues: Issue[] = [];
  let omitted = 0;
  for (const item of items) {
    try {
      each(item);
    } catch (e) {
      if (!isFlyteTypeError(e)) throw e;
      issues.push(...e.issues);
      omitted += e.omitted;
    }
  }
  issues.push(...extra);
  if (issues.length > 0) throw new FlyteTypeError(issues, { omitted });
}

/**
 * Values to literals. Every value is walked first and all their issues are thrown together (with `extra`); only
 * then do the uploads of all of them run, and finally, when `options.offload` is set, named literals of at least
 * its size are offloaded. No literal is returned unless all of this succeeded.
 */
export async function convertToLiterals(
  slots: readonly Slot[],
  values: readonly unknown[],
  options: ResolvedOptions,
  extra: readonly Issue[] = [],
): Promise<Literal[]> {
  const literals: Literal[] = [];
  const uploads: PlannedUpload[] = [];
  let i = 0;
  gatherIssues(
    slots,
    (slot) => {
      const cx = new ConvertContext(slot.root, options);
      const value = values[i++];
      const out = slot.entry.codec.toLiteral(value, cx);
      cx.throwIfFailed();
      if (slot.entry.validate) validate({ spec: slot.spec, root: slot.root, desc: slot.entry.desc }, value);
      literals.push(out as Literal);
      uploads.push(...cx.uploads);
    },
    extra,
  );
  await performUploads(uploads, options.storage, {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const offload = options.offload;
  if (offload === undefined) return literals;
  return Promise.all(
    literals.map((l, k) => {
      const slot = slots[k] as Slot;
      return slot.name === undefined
        ? l
        : offloadLiteral(slot.name, l, slot.entry.codec.literalType, offload, options.storage);
    }),
  );
}

/**
 * Literals to values: offloaded parts of every literal are fetched first (concurrently), then every literal is
 * read, and all their issues are thrown together (with `extra`).
 */
export async function convertToValues(
  slots: readonly Slot[],
  literals: readonly Literal[],
  options: ResolvedOptions,
  extra: readonly Issue[] = [],
): Promise<unknown[]> {
  // One resolution for all of them, so one budget bounds the call and a failure stops every read.
  const together = await resolveOffloaded(lit.collection([...literals]), options.storage);
  const inline = together.value.case === "collection" ? together.value.value.literals : [];
  const out: unknown[] = [];
  let i = 0;
  gatherIssues(
    slots,
    (slot) => {
      const cx = new ConvertContext(slot.root, options);
      const value = slot.entry.codec.toValue(inline[i++] as Literal, cx);
      cx.throwIfFailed();
      if (slot.entry.validate) validate({ spec: slot.spec, root: slot.root, desc: slot.entry.desc }, value);
      out.push(value);
    },
    extra,
  );
  return out;
}
