// Reads a protobuf file of unknown kind (a Literal, a LiteralMap such as inputs.pb/outputs.pb, or a LiteralType)
// and renders it as readable JSON: int64s as strings, msgpack binaries decoded beside their bytes.
import { type DescField, type DescMessage, fromBinary, type JsonValue, type Message, toJson } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { type Value, ValueSchema } from "@bufbuild/protobuf/wkt";
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
} from "./descriptors.js";
import { MAX_NESTED_MESSAGES } from "./literal-hash.js";

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

/**
 * Decodes `bytes` as `kind`, or as whichever kind reads it with the fewest unknown fields (maps first). Bytes nested
 * deeper than protobuf reads (Python's limit) are refused as such, unless one kind reads them completely: read
 * with a shallower limit, a too-deep file could pass for another kind with a field it skipped as unknown.
 */
export function inspectBytes(bytes: Uint8Array, kind?: InspectKind): Inspection {
  const kinds = kind === undefined ? (Object.keys(INSPECT_KINDS) as InspectKind[]) : [kind];
  let best: Inspection | undefined;
  let tooDeep = false;
  for (const k of kinds) {
    const schema: DescMessage = INSPECT_KINDS[k];
    let message: Message;
    try {
      message = fromBinary(schema, bytes, { recursionLimit: MAX_NESTED_MESSAGES + 1 });
    } catch (e) {
      if (/maximum recursion depth/.test((e as Error).message)) tooDeep = true;
      continue;
    }
    if (kind === undefined && !plausible(k, message, bytes)) continue;
    const unknownFields = countUnknown(schema, message);
    if (best === undefined || unknownFields < best.unknownFields) {
      best = { kind: k, typeName: schema.typeName, unknownFields, json: render(jsonOf(schema, message)) };
    }
    if (unknownFields === 0) break;
  }
  if (tooDeep && (best === undefined || best.unknownFields > 0)) {
    return fail(ErrorCode.decodeFailed, msg.tooDeepToRead(MAX_NESTED_MESSAGES), {
      expected: `messages nested at most ${MAX_NESTED_MESSAGES} levels deep`,
      received: `${bytes.byteLength} bytes nested deeper`,
    });
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
function plausible(kind: InspectKind, m: Message, bytes: Uint8Array): boolean {
  switch (kind) {
    case "literal":
      return plausibleLiteral(m as Literal);
    case "literal-type":
      return (m as LiteralType).type.case !== undefined;
    case "literal-map": {
      // No bytes at all is the empty map: the inputs.pb of a task without inputs.
      if (bytes.byteLength === 0) return true;
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

/**
 * proto3 JSON of `message`, as toJson writes it, except that what proto3 JSON has no form for does not fail the
 * whole file: a Timestamp past year 9999 (or before year 1), a Duration whose seconds and nanos differ in sign, or
 * nanos out of range are shown as `{seconds, nanos}`, a non-finite Struct number as text. (Python's MessageToJson
 * refuses such files; inspect is for looking at what is there.)
 */
function jsonOf(schema: DescMessage, message: Message): JsonValue {
  try {
    return toJson(schema, message);
  } catch (cause) {
    return jsonOfParts(schema, message, cause);
  }
}

function jsonOfParts(schema: DescMessage, message: Message, cause: unknown): JsonValue {
  switch (schema.typeName) {
    case "google.protobuf.Timestamp":
    case "google.protobuf.Duration": {
      const t = message as unknown as { seconds: bigint; nanos: number };
      return { seconds: String(t.seconds), nanos: t.nanos };
    }
    case "google.protobuf.Struct":
      return jsonOfParts(
        ValueSchema,
        { $typeName: ValueSchema.typeName, kind: { case: "structValue", value: message } } as Value,
        cause,
      );
    case "google.protobuf.ListValue":
      return jsonOfParts(
        ValueSchema,
        { $typeName: ValueSchema.typeName, kind: { case: "listValue", value: message } } as Value,
        cause,
      );
    case "google.protobuf.Value": {
      const k = (message as Value).kind;
      if (k.case === "numberValue") return Number.isFinite(k.value) ? k.value : String(k.value);
      if (k.case === "listValue") return k.value.values.map((v) => jsonOf(ValueSchema, v));
      if (k.case === "structValue") {
        const out: { [key: string]: JsonValue } = Object.create(null);
        for (const [key, v] of Object.entries(k.value.fields)) out[key] = jsonOf(ValueSchema, v);
        return out;
      }
      break;
    }
  }
  if (schema.typeName.startsWith("google.protobuf.")) {
    // A well-known type has its own JSON form; writing its fields one by one would not be it.
    return fail(ErrorCode.decodeFailed, msg.notJson(schema.typeName, (cause as Error).message), { cause });
  }
  // The fields toJson can write, written by it; then each message-valued field on its own.
  const r = reflect(schema, message);
  const nested = r.fields.filter((f) => r.isSet(f) && holdsMessages(f));
  const rest = reflect(schema, { ...message });
  for (const f of nested) rest.clear(f);
  let out: { [key: string]: JsonValue };
  try {
    out = Object.assign(Object.create(null), toJson(schema, rest.message as Message) as object);
  } catch (again) {
    return fail(ErrorCode.decodeFailed, msg.notJson(schema.typeName, (again as Error).message), { cause: again });
  }
  for (const f of nested) {
    const v = r.get(f) as unknown;
    let json: JsonValue;
    if (f.fieldKind === "list") json = [...(v as Iterable<ReflectMessage>)].map((x) => jsonOf(x.desc, x.message));
    else if (f.fieldKind === "map") {
      const entries: { [key: string]: JsonValue } = Object.create(null);
      for (const [key, x] of v as Map<unknown, ReflectMessage>) entries[String(key)] = jsonOf(x.desc, x.message);
      json = entries;
    } else json = jsonOf((v as ReflectMessage).desc, (v as ReflectMessage).message);
    out[f.jsonName] = json;
  }
  return out;
}

type ReflectMessage = ReturnType<typeof reflect>;

const holdsMessages = (f: DescField) =>
  f.fieldKind === "message" ||
  (f.fieldKind === "list" && f.listKind === "message") ||
  (f.fieldKind === "map" && f.mapKind === "message");

/**
 * Adds `decoded` next to every msgpack binary in proto3 JSON. Objects are made without a prototype, so a map key
 * `__proto__` stays a key (Python shows it; an assignment to a plain object would set the prototype instead).
 */
function render(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(render);
  if (json === null || typeof json !== "object") return json;
  const o = json as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null);
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

/** A JSON-safe copy of a msgpack value: bigints as strings, bytes as base64, maps without a prototype. */
function plain(v: unknown): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return { base64: Buffer.from(v).toString("base64") };
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}
