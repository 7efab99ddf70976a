// Files and directories: `blob` literals holding a URI. A local path becomes an upload planned on the context (the
// URI is chosen now, the bytes move after the walk); a remote URI passes through without I/O. Reading makes a
// lazy handle bound to the context's storage. Inside records they are `{path: uri}` maps, as flytekit writes them.
import type { Codec } from "../../src/codec/codec.js";
import { type ConvertContext, INVALID, type Invalid } from "../../src/codec/context.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../../src/codec/literal-read.js";
import { ErrorCode } from "../../src/errors/flyte-type-error.js";
import { msg } from "../../src/errors/messages.js";
import { BlobType_BlobDimensionality, type Literal, lit, ltype } from "../../src/literal/model.js";
import type { JsonObject, SchemaGen } from "../../src/msgpack/json-schema.js";
import type { MsgpackWriter } from "../../src/msgpack/msgpack-writer.js";
import { isRemote, localPath } from "../../src/storage/uri.js";
import { FlyteDirectory, FlyteFile } from "../../src/values/files.js";
import { isPlainObject } from "./objects.js";

interface Spec {
  readonly desc: { readonly kind: "file" | "directory"; readonly format: string };
  readonly multipart: boolean;
  /** flytekit's transformer name: the union tag. */
  readonly tag: string;
  /** The Python class name, the JSON Schema title inside records. */
  readonly title: "FlyteFile" | "FlyteDirectory";
}

interface Located {
  readonly uri: string;
  readonly metadata: Readonly<Record<string, string>> | undefined;
}

const PATH_SCHEMA: JsonObject = { anyOf: [{ type: "string" }, { format: "path", type: "string" }] };

export function blobCodec(s: Spec): Codec {
  const Handle = s.multipart ? FlyteDirectory : FlyteFile;
  const expected = `a path, a URI or a ${s.title}`;
  const what = s.multipart ? "directory" : "file";

  const locate = (value: unknown, cx: ConvertContext): Located | Invalid => {
    let uri: string;
    let metadata: Readonly<Record<string, string>> | undefined;
    if (typeof value === "string") uri = value;
    else if (value instanceof URL) uri = value.protocol === "file:" ? localPath(value.href) : value.href;
    else if (value instanceof Handle) {
      uri = value.uri;
      metadata = value instanceof FlyteFile ? value.metadata : undefined;
    } else {
      return cx.mismatch(expected, value);
    }
    if (uri === "") return cx.fail(ErrorCode.typeMismatch, msg.expected(expected, "an empty string"), expected, '""');
    return { uri: isRemote(uri) ? uri : cx.planUpload(localPath(uri), s.multipart ? "directory" : "file"), metadata };
  };

  const handle = (uri: string, format: string, metadata: Record<string, string> | undefined, cx: ConvertContext) =>
    s.multipart
      ? new FlyteDirectory(uri, { format, storage: cx.storage })
      : new FlyteFile(uri, {
          format,
          storage: cx.storage,
          ...(metadata && Object.keys(metadata).length > 0 ? { metadata } : {}),
        });

  // `{path, metadata?}` from flytekit, `{path, name, format, hash}` from Flyte 2.
  const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
    if (isPlainObject(v) && typeof v.path === "string" && v.path !== "") {
      const meta = isPlainObject(v.metadata) ? (v.metadata as Record<string, string>) : undefined;
      const format = typeof v.format === "string" && v.format !== "" ? v.format : s.desc.format;
      return handle(v.path, format, meta, cx);
    }
    const want = `a ${s.title} as msgpack {path: string}`;
    return cx.mismatch(want, v);
  };

  const pydanticSchema = (): JsonObject => ({
    properties: {
      path: { ...PATH_SCHEMA, default: null, title: "Path" },
      ...(s.multipart
        ? {}
        : {
            metadata: {
              anyOf: [{ additionalProperties: { type: "string" }, type: "object" }, { type: "null" }],
              default: null,
              title: "Metadata",
            },
          }),
    },
    title: s.title,
    type: "object",
  });

  // mashumaro inlines the class: dict keys get `propertyNames`, and no extra keys are allowed.
  const dataclassSchema = (): JsonObject => ({
    type: "object",
    title: s.title,
    properties: {
      path: { anyOf: [{ type: "string" }, { type: "string", format: "path" }], default: null },
      ...(s.multipart
        ? {}
        : {
            metadata: {
              anyOf: [
                { type: "object", additionalProperties: { type: "string" }, propertyNames: { type: "string" } },
                { type: "null" },
              ],
              default: null,
            },
          }),
    },
    additionalProperties: false,
  });

  return {
    desc: s.desc as Codec["desc"],
    literalType: ltype.blob(s.desc.format, s.multipart),
    tag: s.tag,
    toLiteral(value, cx) {
      const at = locate(value, cx);
      if (at === INVALID) return INVALID;
      const out = lit.blob(at.uri, s.desc.format, s.multipart);
      if (at.metadata !== undefined) out.metadata = { ...at.metadata };
      return out;
    },
    toValue(literal: Literal, cx) {
      const v = literal.value;
      if (v.case === "scalar" && v.value.value.case === "blob") {
        const blob = v.value.value.value;
        const multipart = blob.metadata?.type?.dimensionality === BlobType_BlobDimensionality.MULTIPART;
        if (multipart !== s.multipart || blob.uri === "") return literalMismatch(cx, `a ${what} blob`, literal);
        return handle(blob.uri, blob.metadata?.type?.format ?? "", literal.metadata, cx);
      }
      const b = binaryValueOf(literal, cx);
      if (b === NOT_BINARY) return literalMismatch(cx, `a ${what} blob`, literal);
      return b === INVALID ? INVALID : fromPlain(b, cx);
    },
    fromPlain,
    pack(value: unknown, w: MsgpackWriter, cx) {
      const at = locate(value, cx);
      if (at === INVALID) return INVALID;
      const meta = at.metadata === undefined ? undefined : Object.entries(at.metadata);
      w.mapHeader(meta === undefined ? 1 : 2);
      w.str("path");
      w.str(at.uri);
      if (meta !== undefined) {
        w.str("metadata");
        w.mapHeader(meta.length);
        for (const [k, x] of meta) {
          w.str(k);
          w.str(x);
        }
      }
      return undefined;
    },
    jsonSchema: (g: SchemaGen) => (g.style === "pydantic" ? g.ref(s.title, pydanticSchema) : dataclassSchema()),
  };
}
