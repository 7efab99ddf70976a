// StructuredDatasets: `structured_dataset` literals naming a directory (or file) of data. A frame to write becomes a
// write planned on the context (the URI is chosen now, the encoder runs after the walk); a URI passes through, a
// local one uploaded. Reading makes a lazy handle that declares the reader's columns (or the literal's), so only
// those are read. Inside records they are `{uri, file_format}` maps, as flytekit writes them.
import type { KindHandler } from "../src/codec/codec.js";
import { type ConvertContext, INVALID } from "../src/codec/context.js";
import type { DescOf } from "../src/codec/descriptor.js";
import { binaryValueOf, literalMismatch, NOT_BINARY } from "../src/codec/literal-read.js";
import { ArrowTable } from "../src/dataset/frame.js";
import { StructuredDataset } from "../src/dataset/structured-dataset.js";
import { ErrorCode } from "../src/errors/flyte-type-error.js";
import { msg } from "../src/errors/messages.js";
import { datasetType, type Literal, lit, ltype } from "../src/literal/model.js";
import type { JsonObject, SchemaGen } from "../src/msgpack/json-schema.js";
import { structuredDataset } from "../src/schemas.js";
import { isRemote, localPath, schemeOf } from "../src/storage/uri.js";
import { isPlainObject } from "./shared/objects.js";

type Desc = DescOf<"dataset">;
const EXPECTED = "a StructuredDataset, an Arrow Table or a URI";

interface Written {
  readonly uri: string;
  readonly format: string;
}

/** Where the value's data will be once the call completes, planning the write or upload that puts it there. */
/** An Apache Arrow Table, recognised by shape so that apache-arrow need not load during the walk. */
const isArrowTable = (v: unknown): boolean =>
  typeof v === "object" && v !== null && Array.isArray((v as { batches?: unknown }).batches) && "schema" in v;

function locate(desc: Desc, value: unknown, cx: ConvertContext): Written | typeof INVALID {
  // A bare Arrow Table is written as a dataset, as if given StructuredDataset.from(ArrowTable, table).
  const sd =
    typeof value === "string" && value !== ""
      ? StructuredDataset.fromUri(value)
      : value instanceof URL
        ? StructuredDataset.fromUri(value)
        : isArrowTable(value)
          ? StructuredDataset.from(ArrowTable, value as never)
          : value;
  if (!(sd instanceof StructuredDataset)) return cx.mismatch(EXPECTED, value);
  if (sd.frame === undefined) {
    const uri = sd.uri as string;
    // flytekit: the declared format wins; the value's own format fills in a generic declaration.
    const format = desc.format !== "" ? desc.format : sd.format;
    return { uri: isRemote(uri) ? uri : cx.planUpload(localPath(uri), "path"), format };
  }
  const frame = sd.frame;
  const format = desc.format !== "" ? desc.format : sd.format !== "" ? sd.format : cx.datasets.defaultFormat(frame);
  const target = sd.uri ?? cx.storage.randomPrefix();
  const protocol = schemeOf(target);
  const encoder = format === undefined ? undefined : cx.datasets.findEncoder(frame, protocol, format);
  if (encoder === undefined) {
    const key = `${frame.name}/${protocol}/${format ?? "(no default format)"}`;
    const known = cx.datasets.keys("encoder");
    return cx.fail(ErrorCode.noHandler, msg.noHandler(`dataset encoder for ${key}`, known), known.join(", "), key);
  }
  const problem = encoder.check(sd.data);
  if (problem !== undefined) return cx.mismatch(problem, sd.data);
  // Keyed by what the caller gave, so that one table met twice is written once.
  const key = isArrowTable(value) ? (value as object) : sd;
  const uri = cx.planWrite(key, target, `${frame.name} data as ${encoder.format}`, (u, storage, o) =>
    encoder.encode(sd.data as never, { uri: u, storage, ...o }),
  );
  return { uri, format: encoder.format };
}

const pydanticSchema = (): JsonObject => ({
  properties: {
    uri: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Uri" },
    file_format: { anyOf: [{ type: "string" }, { type: "null" }], default: "", title: "File Format" },
  },
  title: "StructuredDataset",
  type: "object",
});

const dataclassSchema = (): JsonObject => ({
  type: "object",
  title: "StructuredDataset",
  properties: {
    uri: { anyOf: [{ type: "string" }, { type: "null" }], default: null },
    file_format: { anyOf: [{ type: "string" }, { type: "null" }], default: "" },
  },
  additionalProperties: false,
});

export const datasetKind: KindHandler<"dataset"> = {
  compile(desc) {
    const type = () => datasetType(desc.format, desc.columns, desc.externalSchemaType, desc.externalSchemaBytes);
    // flytekit's subsetting: the reader's columns if it declares any, else the literal's (empty reads all).
    const handle = (uri: string, format: string, literalColumns: Desc["columns"], cx: ConvertContext) =>
      StructuredDataset.fromUri(uri, {
        format,
        columns: desc.columns.length > 0 ? desc.columns : literalColumns,
        storage: cx.storage,
        datasets: cx.datasets,
      });
    const fromPlain = (v: unknown, cx: ConvertContext): unknown => {
      if (isPlainObject(v) && typeof v.uri === "string" && v.uri !== "") {
        // flytekit writes `file_format`, Flyte 2 `format`.
        const f = typeof v.file_format === "string" ? v.file_format : typeof v.format === "string" ? v.format : "";
        return handle(v.uri, f !== "" ? f : desc.format, [], cx);
      }
      return cx.mismatch("a StructuredDataset as msgpack {uri: string, file_format}", v);
    };
    return {
      desc,
      literalType: ltype.structuredDataset(type()),
      tag: "StructuredDataset Transformer",
      toLiteral(value, cx) {
        const at = locate(desc, value, cx);
        if (at === INVALID) return INVALID;
        const t = type();
        t.format = at.format;
        return lit.structuredDataset(at.uri, t);
      },
      toValue(literal: Literal, cx) {
        const v = literal.value;
        if (v.case === "scalar" && v.value.value.case === "structuredDataset") {
          const sd = v.value.value.value;
          if (sd.uri === "") return literalMismatch(cx, "a structured dataset with a URI", literal);
          const t = sd.metadata?.structuredDatasetType;
          const columns = (t?.columns ?? []).map((c) => ({
            name: c.name,
            literalType: c.literalType ?? ltype.simple(0),
          }));
          return handle(sd.uri, t?.format || desc.format, columns, cx);
        }
        const b = binaryValueOf(literal, cx);
        if (b === NOT_BINARY) return literalMismatch(cx, "a structured dataset", literal);
        return b === INVALID ? INVALID : fromPlain(b, cx);
      },
      fromPlain,
      pack(value, w, cx) {
        const at = locate(desc, value, cx);
        if (at === INVALID) return INVALID;
        w.mapHeader(2);
        w.str("uri");
        w.str(at.uri);
        w.str("file_format");
        w.str(at.format);
        return undefined;
      },
      jsonSchema: (g: SchemaGen) =>
        g.style === "pydantic" ? g.ref("StructuredDataset", pydanticSchema) : dataclassSchema(),
    };
  },
  // flytekit guesses every structured dataset type as StructuredDataset; the format and columns carry over.
  guess: {
    keys: ["structuredDataset"],
    schema: (lt) => {
      const t = lt.type.case === "structuredDatasetType" ? lt.type.value : undefined;
      const columns = (t?.columns ?? []).map((c) => ({ name: c.name, literalType: c.literalType ?? ltype.simple(0) }));
      return structuredDataset({ format: t?.format ?? "", columns }) as never;
    },
  },
};
