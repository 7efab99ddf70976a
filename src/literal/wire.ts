// Bytes in and out: encode/decode of Literal, LiteralMap and LiteralType, optionally deterministic.
import { type DescMessage, fromBinary, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import {
  type Literal,
  type LiteralMap,
  LiteralMapSchema,
  LiteralSchema,
  type LiteralType,
  LiteralTypeSchema,
} from "./descriptors.js";
import { toBinaryDeterministic } from "./deterministic.js";
import { readLiteral, readLiteralMap } from "./literal-reader.js";
import { writeLiteral, writeLiteralMap } from "./literal-writer.js";

/** How a message is written as bytes. */
export interface EncodeOptions {
  /**
   * Write fields in number order and map keys in the order Python's `SerializeToString(deterministic=True)` uses
   * (UTF-8 bytes, a key before its own prefixes: see compareMapKeys), so bytes can be compared and hashed.
   * Default false: protobuf-es's faster writer, map entries in insertion order (what flytekit's plain `SerializeToString()` also allows).
   */
  readonly deterministic?: boolean;
}

function encode<D extends DescMessage>(schema: D, message: MessageShape<D>, options?: EncodeOptions): Uint8Array {
  return options?.deterministic === true ? toBinaryDeterministic(schema, message) : toBinary(schema, message);
}

function decode<D extends DescMessage>(
  schema: D,
  bytes: Uint8Array,
  read = (b: Uint8Array) => fromBinary(schema, b),
): MessageShape<D> {
  try {
    // Unknown fields (flyteidl2's Literal.artifact_id = 9, say) are kept and written back out on encode.
    return read(bytes);
  } catch (cause) {
    return fail(ErrorCode.decodeFailed, msg.cannotDecode(schema.name, (cause as Error).message), {
      expected: `${schema.typeName} protobuf bytes`,
      received: `${bytes.byteLength} bytes`,
      cause,
    });
  }
}

// Literals and literal maps go through the specialised reader and writer (literal-reader.ts, literal-writer.ts).
/** A Literal's protobuf bytes; `deterministic` for bytes to compare or hash. */
export const encodeLiteral = (l: Literal, o?: EncodeOptions) => writeLiteral(l, o?.deterministic === true);
/** A Literal from protobuf bytes; other bytes throw `decode_failed`. Unknown fields are kept and written back out. */
export const decodeLiteral = (b: Uint8Array): Literal => decode(LiteralSchema, b, readLiteral);
/** A LiteralMap's protobuf bytes: an inputs.pb or outputs.pb. */
export const encodeLiteralMap = (m: LiteralMap, o?: EncodeOptions) => writeLiteralMap(m, o?.deterministic === true);
/** A LiteralMap from protobuf bytes (an inputs.pb or outputs.pb); other bytes throw `decode_failed`. */
export const decodeLiteralMap = (b: Uint8Array): LiteralMap => decode(LiteralMapSchema, b, readLiteralMap);
/** A LiteralType's protobuf bytes. */
export const encodeLiteralType = (t: LiteralType, o?: EncodeOptions) => encode(LiteralTypeSchema, t, o);
/** A LiteralType from protobuf bytes; other bytes throw `decode_failed`. */
export const decodeLiteralType = (b: Uint8Array): LiteralType => decode(LiteralTypeSchema, b);
