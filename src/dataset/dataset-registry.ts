// The dataset handler registry: encoders and decoders keyed by (frame kind, protocol, format). An instance, never
// global; one key per lookup; a miss lists what is registered. DuckDB tables, geo frames and labelled tensors
// register here the same way Arrow tables do.
import { ErrorCode, fail } from "../errors/flyte-type-error.js";
import { msg } from "../errors/messages.js";
import type { TransferOptions } from "../storage/progress.js";
import type { Storage } from "../storage/storage.js";
import type { DatasetColumn } from "./dataset-column.js";
import type { FrameKind } from "./frame.js";

/** Where an encoder writes, and how the caller follows and stops it (an encoder should honour both). */
export interface EncodeTarget extends TransferOptions {
  /** The directory prefix the encoder fills, in flytekit's layout (`<uri>/00000`); the literal points at it. */
  readonly uri: string;
  /** The storage to write through (the conversion's), which serves `uri`'s scheme. */
  readonly storage: Storage;
}

/** What a decoder reads: the literal's URI (a file or a directory of parts) and the columns wanted. */
export interface DecodeSource {
  /** The literal's URI: a single file or a directory of parts. */
  readonly uri: string;
  /** The storage to read through (the handle's), which serves `uri`'s scheme. */
  readonly storage: Storage;
  /** The columns to read, in this order; undefined reads every column. */
  readonly columns: readonly string[] | undefined;
  /** Stops reading: the iteration rejects with an `aborted` error at the next batch. */
  readonly signal?: AbortSignal;
  /** The columns the reader's type declares, with their types: a decoder refuses stored columns of another type. */
  readonly declared?: readonly DatasetColumn[];
  /** Rows per batch for `iter()`; a decoder's own default when undefined. */
  readonly batchSize?: number;
}

interface HandlerKey {
  /** The in-memory form it writes from or reads into, e.g. `ArrowTable`. */
  readonly frame: FrameKind;
  /** The storage format it handles, e.g. `"parquet"`; never "" (a handler must name one). */
  readonly format: string;
  /** URI schemes served; a storage-agnostic handler lists every scheme its storage serves. */
  readonly protocols: readonly string[];
}

/**
 * Writes data frames of one kind in one format to storage. `All` is the whole frame it takes, `Batch` one element
 * of a stream it takes instead.
 */
export interface DatasetEncoder<All = unknown, Batch = unknown> extends HandlerKey {
  /** Whether `data` is something this encoder writes; a description of what it expects otherwise (checked during the walk). */
  check(data: unknown): string | undefined;
  /** Writes `data` under `target.uri`. Nothing is read from `data` before this call. */
  encode(data: All | AsyncIterable<Batch>, target: EncodeTarget): Promise<void>;
}

/** Reads stored data of one format into one frame kind: whole (`All`) or as a stream of batches (`Batch`). */
export interface DatasetDecoder<All = unknown, Batch = unknown> extends HandlerKey {
  /** Reads the whole dataset into memory as one frame (`open(frame).all()`). */
  all(source: DecodeSource): Promise<All>;
  /** Streams the dataset batch by batch (`open(frame).iter()`); leaving the loop early releases what it holds. */
  iter(source: DecodeSource): AsyncIterable<Batch>;
}

/** How a dataset handler is registered. */
export interface DatasetRegisterOptions {
  /** Replace a handler already registered for the same key instead of throwing. Default false. */
  readonly override?: boolean;
  /** Make this handler's format the one a generic (`""`) dataset of its frame kind is written in. */
  readonly defaultFormat?: boolean;
}

/**
 * The dataset encoders and decoders an engine writes and reads StructuredDatasets with, each keyed by
 * `frame/protocol/format` (one key per URI scheme it serves). Made by `createDatasetRegistry`.
 */
export interface DatasetRegistry {
  /** Adds an encoder under each of its protocols; a key already taken throws, unless `override`. */
  registerEncoder(encoder: DatasetEncoder<never, never>, options?: DatasetRegisterOptions): void;
  /** Adds a decoder under each of its protocols; a key already taken throws, unless `override`. */
  registerDecoder(decoder: DatasetDecoder<unknown, unknown>, options?: DatasetRegisterOptions): void;
  /** The format a generic dataset of `frame` is written in (the first default registered), or undefined. */
  defaultFormat(frame: FrameKind): string | undefined;
  /** The encoder for one key (`protocol`: a URI scheme, e.g. `s3`); a miss throws `no_handler` listing the keys. */
  encoder(frame: FrameKind, protocol: string, format: string): DatasetEncoder;
  /** The decoder for one key (`protocol`: a URI scheme, e.g. `s3`); a miss throws `no_handler` listing the keys. */
  decoder(frame: FrameKind, protocol: string, format: string): DatasetDecoder;
  /** The encoder for a frame's data, or undefined: the walk checks this without throwing. */
  findEncoder(frame: FrameKind, protocol: string, format: string): DatasetEncoder | undefined;
  /** Every registered key, `frame/protocol/format`, for errors and docs. */
  keys(kind: "encoder" | "decoder"): readonly string[];
}

const keyOf = (frame: string, protocol: string, format: string) => `${frame}/${protocol}/${format}`;

/** A registry holding `handlers` (encoders and decoders, by their shape). */
export function createDatasetRegistry(
  builtins: readonly {
    readonly encoder?: DatasetEncoder<never, never>;
    readonly decoder?: DatasetDecoder<unknown, unknown>;
  }[] = [],
): DatasetRegistry {
  const encoders = new Map<string, DatasetEncoder>();
  const decoders = new Map<string, DatasetDecoder>();
  const defaults = new Map<string, string>();

  const add = <H extends HandlerKey>(map: Map<string, H>, h: H, what: string, options: DatasetRegisterOptions) => {
    if (h.format === "") fail(ErrorCode.unsupportedSchema, msg.needsFormat(what));
    for (const protocol of h.protocols) {
      const key = keyOf(h.frame.name, protocol, h.format);
      if (map.has(key) && options.override !== true) {
        fail(ErrorCode.duplicateRegistration, msg.alreadyRegistered(what, key));
      }
      map.set(key, h);
    }
    if (options.defaultFormat === true && !defaults.has(h.frame.name)) defaults.set(h.frame.name, h.format);
  };

  const lookup = <H>(map: Map<string, H>, what: string, frame: FrameKind, protocol: string, format: string): H => {
    const h = map.get(keyOf(frame.name, protocol, format));
    if (h !== undefined) return h;
    return fail(
      ErrorCode.noHandler,
      msg.noHandler(`${what} for ${keyOf(frame.name, protocol, format)}`, [...map.keys()]),
      {
        expected: [...map.keys()].join(", "),
        received: keyOf(frame.name, protocol, format),
      },
    );
  };

  const registry: DatasetRegistry = {
    registerEncoder: (e, options = {}) => add(encoders, e as DatasetEncoder, "dataset encoder", options),
    registerDecoder: (d, options = {}) => add(decoders, d as DatasetDecoder, "dataset decoder", options),
    defaultFormat: (frame) => defaults.get(frame.name),
    encoder: (frame, protocol, format) => lookup(encoders, "dataset encoder", frame, protocol, format),
    decoder: (frame, protocol, format) => lookup(decoders, "dataset decoder", frame, protocol, format),
    findEncoder: (frame, protocol, format) => encoders.get(keyOf(frame.name, protocol, format)),
    keys: (kind) => [...(kind === "encoder" ? encoders : decoders).keys()],
  };
  for (const b of builtins) {
    if (b.encoder !== undefined) registry.registerEncoder(b.encoder, { defaultFormat: true });
    if (b.decoder !== undefined) registry.registerDecoder(b.decoder, { defaultFormat: true });
  }
  return registry;
}
