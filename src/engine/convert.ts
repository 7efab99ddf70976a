// Converting one value of a compiled type, with every issue reported at once; shared by the engine and interfaces.
import type { z } from "zod";
import type { Codec } from "../codec/codec.js";
import { ConvertContext, type ConvertOptions, type PlannedUpload } from "../codec/context.js";
import type { Class } from "../codec/transformer.js";
import { ErrorCode, FlyteTypeError, type Issue } from "../errors/flyte-type-error.js";
import { describeValue } from "../errors/messages.js";
import { formatPath } from "../errors/path.js";
import type { Literal } from "../literal/model.js";
import { resolveOffloaded } from "../literal/offload.js";
import { defaultStorage } from "../storage/default-storage.js";
import type { Storage } from "../storage/storage.js";
import type { Compiled, TypeSpec } from "./compile.js";
import { performUploads } from "./uploads.js";

/** The TypeScript value of a type: zod's output type, or the instance type of a registered class. */
export type ValueOf<S> = S extends z.ZodType ? z.output<S> : S extends Class<infer I> ? I : never;
/** What may be given for a type: zod's input type (a `.default()` admits undefined), or the class instance. */
export type InputOf<S> = S extends z.ZodType ? z.input<S> : S extends Class<infer I> ? I : never;

/** A compiled type and its codec. */
export interface Entry extends Compiled {
  readonly codec: Codec;
}

/** A literal and the uploads that must complete before it may be handed out. */
export interface Planned {
  readonly literal: Literal;
  readonly uploads: readonly PlannedUpload[];
  readonly storage: Storage;
}

/** The synchronous walk: one value to a literal, throwing every issue at once; the I/O it needs is returned. */
export function planLiteral(e: Entry, spec: TypeSpec, value: unknown, root: string, options?: ConvertOptions): Planned {
  const cx = new ConvertContext(root, options);
  const out = e.codec.toLiteral(value, cx);
  cx.throwIfFailed();
  if (e.validate) validate(spec, value, root);
  return { literal: out as Literal, uploads: cx.uploads, storage: cx.storage };
}

/** One value to a literal, its uploads done. Shared by the engine and typed interfaces. */
export async function convertToLiteral(
  e: Entry,
  spec: TypeSpec,
  value: unknown,
  root: string,
  options?: ConvertOptions,
): Promise<Literal> {
  const p = planLiteral(e, spec, value, root, options);
  await performUploads(p.uploads, p.storage);
  return p.literal;
}

/** One literal to a value, offloaded parts fetched first. */
export async function convertToValue(
  e: Entry,
  spec: TypeSpec,
  literal: Literal,
  root: string,
  options?: ConvertOptions,
): Promise<unknown> {
  const inline = await resolveOffloaded(literal, options?.storage ?? defaultStorage());
  return readValue(e, spec, inline, root, options);
}

/** The synchronous walk: one inline literal to a value, throwing every issue at once. */
export function readValue(e: Entry, spec: TypeSpec, literal: Literal, root: string, options?: ConvertOptions): unknown {
  const cx = new ConvertContext(root, options);
  const out = e.codec.toValue(literal, cx);
  cx.throwIfFailed();
  if (e.validate) validate(spec, out, root);
  return out;
}

/** Runs zod's own checks (refinements, formats, bounds) and reports its issues with our paths. */
function validate(spec: TypeSpec, value: unknown, root: string): void {
  if (typeof spec === "function") return;
  const result = (spec as z.ZodType).safeParse(value, { reportInput: true });
  if (result.success) return;
  const issues: Issue[] = result.error.issues.map((i) => {
    const received = "input" in i ? describeValue(i.input) : undefined;
    return {
      code: ErrorCode.validationFailed,
      path: formatPath(root, i.path as (string | number)[]),
      message: i.message,
      ...("expected" in i && typeof i.expected === "string" ? { expected: i.expected } : {}),
      ...(received === undefined ? {} : { received }),
    };
  });
  throw new FlyteTypeError(issues, { cause: result.error });
}
