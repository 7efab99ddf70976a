// Reads a protobuf file of unknown kind (a Literal, a LiteralMap such as inputs.pb/outputs.pb, or a LiteralType)
// and renders it as readable JSON: int64s as strings, msgpack binaries decoded beside their bytes.
import { type DescMessage, fromBinary, type Message, toJson } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { ErrorCode, fail, isFlyteTypeError } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import { decodeMsgpack } from "../msgpack/msgpack-reader.js";
import {
  type Literal,
  type LiteralMap,
  LiteralMapSchema,
  LiteralSchema,
  type LiteralType,
  LiteralTypeSchema,
} from "./model.js";

export const INSPECT_KINDS = {
  "literal-map": LiteralMapSchema,
  literal: LiteralSchema,
  "literal-type": LiteralTypeSchema,
} as const;
export type InspectKind = keyof typeof INSPECT_KINDS;

export interface Inspection {
  readonly kind: InspectKind;
  readonly typeName: string;
  /** Fields no flyteidl.core message declares (Flyte 2's Literal.artifact_id, say), counted recursively. */
  readonly unknownFields: number;
  readonly json: unknown;
}

/** Decodes `bytes` as `kind`, or as whichever kind reads it with the fewest unknown fields (maps first). */
export function inspectBytes(bytes: Uint8Array, kind?: InspectKind): Inspection {
  const kinds = kind === undefined ? (Object.keys(INSPECT_KINDS) as InspectKind[]) : [kind];
  let best: Inspection | undefined;
  for (const k of kinds) {
    const schema: DescMessage = INSPECT_KINDS[k];
    let message: Message;
    try {
      message = fromBinary(schema, bytes);
    } catch {
      continue;
    }
    if (kind === undefined && !plausible(k, message)) continue;
    const unknownFields = countUnknown(schema, message);
    if (best === undefined || unknownFields < best.unknownFields) {
      best = { kind: k, typeName: schema.typeName, unknownFields, json: render(toJson(schema, message)) };
    }
    if (unknownFields === 0) break;
  }
  if (best === undefined) {
    return fail(ErrorCode.decodeFailed, msg.notInspectable(kinds.map((k) => INSPECT_KINDS[k].name)), {
      expected: "flyteidl.core Literal, LiteralMap or LiteralType bytes",
      received: `${bytes.byteLength} bytes`,
    });
  }
  return best;
}

/**
 * Each kind's top-level shape: a set oneof, a scalar that holds something, or (for maps) entries that each hold such a
 * literal. protobuf-es reads a varint where a message field is expected as that empty message, so `08 00` (the
 * LiteralType NONE) would otherwise pass for a Literal holding an empty Scalar.
 */
function plausible(kind: InspectKind, m: Message): boolean {
  switch (kind) {
    case "literal":
      return plausibleLiteral(m as Literal);
    case "literal-type":
      return (m as LiteralType).type.case !== undefined;
    case "literal-map": {
      const values = Object.values((m as LiteralMap).literals);
      return values.length > 0 && values.every(plausibleLiteral);
    }
  }
}

function plausibleLiteral(l: Literal): boolean {
  const v = l.value;
  if (v.case === undefined) return false;
  return v.case !== "scalar" || v.value.value.case !== undefined;
}

function countUnknown(schema: DescMessage, message: Message): number {
  let n = 0;
  const walk = (r: ReturnType<typeof reflect>): void => {
    n += r.getUnknown()?.length ?? 0;
    for (const f of r.fields) {
      if (!r.isSet(f)) continue;
      const v = r.get(f) as unknown;
      if (f.fieldKind === "message") walk(v as ReturnType<typeof reflect>);
      else if (f.fieldKind === "list" && f.listKind === "message")
        for (const x of v as Iterable<unknown>) walk(x as ReturnType<typeof reflect>);
      else if (f.fieldKind === "map" && f.mapKind === "message")
        for (const x of (v as Map<unknown, unknown>).values()) walk(x as ReturnType<typeof reflect>);
    }
  };
  walk(reflect(schema, message));
  return n;
}

/** Adds `decoded` next to every msgpack binary in proto3 JSON. */
function render(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(render);
  if (json === null || typeof json !== "object") return json;
  const o = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = render(v);
  if (o.tag === "msgpack" && typeof o.value === "string") {
    try {
      out.decoded = plain(decodeMsgpack(Buffer.from(o.value, "base64")));
    } catch (e) {
      if (!isFlyteTypeError(e)) throw e;
      out.decoded = { error: e.message };
    }
  }
  return out;
}

/** A JSON-safe copy of a msgpack value: bigints as strings, bytes as base64. */
function plain(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return { base64: Buffer.from(v).toString("base64") };
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}
