// Message helpers: every error text is built here so they read the same everywhere.
import type { Literal, LiteralType } from "../literal/model.js";
import { SimpleType } from "../literal/model.js";

const MAX_SHOWN = 40;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** A short description of a JS value: its type and a clipped rendering. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return `string ${clip(JSON.stringify(value))}`;
    case "number":
      return `number ${value}`;
    case "bigint":
      return `bigint ${value}n`;
    case "boolean":
      return `boolean ${value}`;
    case "function":
      return "function";
    case "symbol":
      return "symbol";
    default:
      break;
  }
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (value instanceof Uint8Array) return `Uint8Array of ${value.byteLength} bytes`;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  const name = proto?.constructor?.name;
  return name !== undefined && name !== "Object" ? `instance of ${name}` : "object";
}

/** A short description of what a literal holds, e.g. `scalar.primitive.integer 3`. */
export function describeLiteral(literal: Literal): string {
  const v = literal.value;
  switch (v.case) {
    case "collection":
      return `collection of ${v.value.literals.length}`;
    case "map":
      return `map of ${Object.keys(v.value.literals).length}`;
    case "offloadedMetadata":
      return `offloaded literal at ${v.value.uri}`;
    case "scalar": {
      const s = v.value.value;
      switch (s.case) {
        case "primitive": {
          const p = s.value.value;
          if (p.case === undefined) return "empty scalar.primitive";
          return `scalar.primitive.${p.case} ${clip(primitiveText(p))}`;
        }
        case "union":
          return `scalar.union tagged ${JSON.stringify(s.value.type?.structure?.tag ?? "")}`;
        case "binary":
          return `scalar.binary (tag ${JSON.stringify(s.value.tag)}, ${s.value.value.byteLength} bytes)`;
        case undefined:
          return "empty scalar";
        default:
          return `scalar.${s.case}`;
      }
    }
    case undefined:
      return "empty literal";
  }
}

function primitiveText(p: { case: string; value: unknown }): string {
  const v = p.value;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object" && v !== null && "seconds" in v) {
    const t = v as { seconds: bigint; nanos: number };
    return `{seconds: ${t.seconds}, nanos: ${t.nanos}}`;
  }
  return String(v);
}

/** A short description of a literal type, e.g. `INTEGER`, `collection of STRING`. */
export function describeLiteralType(lt: LiteralType | undefined): string {
  if (lt === undefined) return "no type";
  const t = lt.type;
  switch (t.case) {
    case "simple":
      return SimpleType[t.value] ?? `simple ${t.value}`;
    case "collectionType":
      return `collection of ${describeLiteralType(t.value)}`;
    case "mapValueType":
      return `map of ${describeLiteralType(t.value)}`;
    case "unionType":
      return `union of ${t.value.variants.map((x) => describeLiteralType(x)).join(" | ")}`;
    case "enumType":
      return `enum ${JSON.stringify(t.value.values)}`;
    case "blob":
      return `blob ${JSON.stringify(t.value.format)}`;
    case "structuredDatasetType":
      return `structured dataset ${JSON.stringify(t.value.format)}`;
    case "schema":
      return "schema";
    case undefined:
      return "empty type";
  }
}

const list = (names: readonly string[]): string => (names.length === 0 ? "none" : names.join(", "));
const notOneOf = (received: string, allowed: string) => `${received} is not one of ${allowed}`;

/**
 * Every error message, by area. A call site passes what it knows (names, sizes, reasons); the wording lives here so
 * the same situation reads the same wherever it is met. `describeValue`/`describeLiteral`/`describeLiteralType`
 * above render the values a message names.
 */
export const msg = {
  // ── Conversion: values ⇄ literals ──────────────────────────────────────────────────────────────────────────────
  expected: (expected: string, received: string) => `expected ${expected}, received ${received}`,
  outOfRange: (what: string, range: string, hint = "") =>
    `${what} is outside ${range}${hint === "" ? "" : `; ${hint}`}`,
  /** A value not among a fixed set; `allowed` is already rendered (`"a" | "b"`). */
  notOneOf,
  unknownEnum: (value: string, values: readonly string[]) =>
    notOneOf(JSON.stringify(value), `the enum values ${JSON.stringify(values)}`),
  ambiguous: (tags: readonly string[]) =>
    `ambiguous union: the value fits more than one variant (${tags.join(", ")}); make the variants distinguishable`,
  noVariant: (tags: readonly string[], received: string) => `no union variant (${tags.join(", ")}) accepts ${received}`,
  unionWithoutValue: "union literal without a value",
  /** In a union's first pass an integral JS number is tried as INTEGER only. */
  integralNumber: "integral numbers go to an INTEGER variant first",
  floatNotInteger: (value: number) => `cannot read float ${value} as an integer`,
  subMillisecond: (nanos: number) =>
    `the timestamp has sub-millisecond precision (nanos ${nanos}) that a Date cannot hold; read it with timestamp() or pass { datetimePrecision: "truncate" }`,
  subMicrosecond: "inside a record, Python keeps microseconds; this value has nanoseconds that would be lost",
  durationFloatSeconds:
    "a dataclass keeps a duration as float seconds, which cannot hold this one's microseconds; use a pydantic record (ISO-8601 text) or fewer digits",
  tooDeepToWrite: (max: number) => `data nested deeper than ${max} levels (or a cycle) cannot be written`,
  missing: (name: string) => `missing required value ${JSON.stringify(name)}`,
  unexpected: (name: string, known: readonly string[]) =>
    `unexpected value ${JSON.stringify(name)}; known names: ${list(known)}`,
  missingField: (name: string) => `missing field ${JSON.stringify(name)}`,
  unexpectedKeys: (keys: readonly string[], record: string) =>
    `unexpected ${keys.length === 1 ? "key" : "keys"} ${keys.map((k) => JSON.stringify(k)).join(", ")} for ${record}`,
  unsupportedBinary: (tag: string) =>
    `unsupported binary format ${JSON.stringify(tag)}; only msgpack binaries can be read`,
  hashFailed: (reason: string) => `the hash function failed: ${reason}`,
  hashNotString: "the hash function must return a string",
  /** A user transformer threw something other than a FlyteTypeError. */
  transformerFailed: (name: string, reason: string) => `transformer ${JSON.stringify(name)} failed: ${reason}`,
  aborted: (what: string, reason: string) => `${what}: cancelled (${reason}); nothing of it is left behind`,
  badJson: (what: string, reason: string) => `not ${what} in protobuf JSON: ${reason}`,
  columnTypeDiffers: (uri: string, column: string, declared: string, stored: string) =>
    `${uri}: column ${JSON.stringify(column)} is declared ${declared} but stored as ${stored}`,
  wireCheckFailed: (name: string, path: readonly PropertyKey[], reason: string) =>
    `${name}'s wire form${path.length === 0 ? "" : ` at ${path.map(String).join(".")}`} fails its schema: ${reason}`,
  notInRecords: (name: string) => `${name} cannot sit inside a record: its transformer has no toMsgpack/fromMsgpack`,

  // ── Schemas and registration ───────────────────────────────────────────────────────────────────────────────────
  unsupported: (what: string, supported: readonly string[]) =>
    `${what} has no Flyte type; supported: ${supported.join(", ")}`,
  notVariables: (side: string, got: string) => `${side}: expected an object of named types, got ${got}`,
  badEnvSize: (name: string, value: string) => `${name}: expected a whole number of MiB, got ${JSON.stringify(value)}`,
  notInterface: (got: string) => `interface: expected { inputs, outputs }, got ${got}`,
  schemaAsVariables: (side: string) =>
    `${side}: expected an object of named types, got a zod schema; for a z.object(), pass its .shape`,
  protoVariable: (side: string) => `${side}: "__proto__" cannot name a variable (it is an object's prototype in JS)`,
  noTransformer: (what: string, registered: readonly string[]) =>
    `no transformer for ${what}; registered: ${list(registered)}`,
  duplicateGuess: (key: string, first: string, second: string) =>
    `two built-in kinds guess ${key}: ${first} and ${second}; a LiteralType must have one guess`,
  /** A second registration without `{ override: true }`; `replacement` names what would have replaced it. */
  alreadyRegistered: (what: string, key: string, replacement?: string) =>
    `a ${what} is already registered for ${key}; pass { override: true }${replacement === undefined ? "" : ` to replace it with ${replacement}`}`,

  // ── Storage ────────────────────────────────────────────────────────────────────────────────────────────────────
  notFound: (uri: string) => `no object at ${uri}`,
  unsafeKey: (key: string, under: string) =>
    `the key ${JSON.stringify(key)} under ${under} would be written outside the target directory (an empty, "." or ".." segment, or an absolute path); nothing was downloaded`,
  unsafeName: (name: string) => `${JSON.stringify(name)} cannot be a file name`,
  linkOutside: (link: string, target: string, root: string) =>
    `${link} is a link to ${target}, outside the directory ${root}; copy the file in, or upload it on its own`,
  danglingLink: (link: string) => `${link} is a link to nothing (dangling)`,
  fileChanged: (path: string, expected: number, read: string) =>
    `${path} changed while it was being read: its size was ${expected} bytes, but ${read}; nothing was stored`,
  objectChanged: (uri: string) =>
    `${uri} was replaced while it was being read (its ETag changed between two parts of one download); read it again`,
  storageFailed: (operation: string, uri: string, reason: string) => `${operation} ${uri} failed: ${reason}`,
  unknownScheme: (scheme: string, known: readonly string[]) =>
    `no storage backend for ${scheme}:// URIs; known: ${known.join(", ")}`,
  noStorage: (what: string, uri: string) =>
    `${what} ${uri} was made without a storage to read it with: pass { storage } (an engine will do) or read it through engine.toValue`,
  /** An upload of a local file, directory or path (`kind` undefined: either) that failed. */
  uploadFailed: (kind: string | undefined, source: string, uri: string, reason: string) =>
    `uploading ${kind === undefined ? "" : `${kind} `}${source} to ${uri}: ${reason}`,
  /** Writing data (a dataset's frame, Parquet parts) to a URI that failed. */
  writeFailed: (what: string, uri: string, reason: string) => `writing ${what} to ${uri}: ${reason}`,

  // ── Datasets ───────────────────────────────────────────────────────────────────────────────────────────────────
  noHandler: (what: string, registered: readonly string[]) => `no ${what}; registered: ${list(registered)}`,
  needsFormat: (what: string) => `a ${what} needs a concrete format (got "")`,
  /** A declared column whose type (`z.null()`, `Arrow Null`) has no StructuredDataset column type. */
  noColumnType: (column: string, type: string) => `column ${column}: ${type} has no StructuredDataset column type`,
  malformedArrowType: (type: string) => `a malformed Arrow ${type} type`,
  emptyDatasetUri: "a dataset URI must not be empty",
  notWritten: "this dataset has not been written yet: convert it to a literal first, or use its `data`",
  parquetRead: (uri: string, reason: string) => `reading Parquet ${uri}: ${reason}`,
  // Why a Parquet file was refused before parquet-wasm read it (the `reason` of parquetRead).
  parquetTruncated: (what: string) => `${what} is truncated`,
  parquetMalformed: (what: string, problem: string) => `${what} is malformed: ${problem}`,
  parquetOverrun: (what: string, item: string, claimed: number, left: number) =>
    `${what} has ${item} that claims ${claimed} bytes or items with ${left} bytes left`,
  parquetOutOfFile: (what: string, start: number, end: number, from: number, to: number) =>
    `${what} spans bytes ${start} to ${end}, outside ${from} to ${to}`,
  parquetPageTooLarge: (offset: number, claimed: number, compressed: number, codec: string, limit: number) =>
    `the page at byte ${offset} claims ${claimed} bytes uncompressed from ${compressed} ${codec} bytes; at most ${limit} can be`,
  /** parquet-wasm crashed (a WebAssembly trap) on the file; its worker was replaced. */
  parquetCrashed: (reason: string) => `parquet-wasm crashed on it (${reason}); its worker was replaced`,
  parquetWorkerExited: (code: number) => `the Parquet worker exited (code ${code})`,
  /** A job that could not be moved off a worker that another job's file crashed. */
  parquetWorkerLost: "the Parquet worker was replaced after another file crashed parquet-wasm on it",
  parquetPoolClosed: "the Parquet worker pool was closed",
  unknownColumn: (column: string, uri: string, columns: readonly string[]) =>
    `column ${JSON.stringify(column)} is not in ${uri}; it has ${columns.join(", ")}`,
  batchSchemaChanged: (index: number, schema: string, first: string) =>
    `batch ${index} has schema {${schema}}, the first had {${first}}`,
  noBatches: "the stream yielded no record batches, so there is no schema to write",

  // ── Wire: protobuf and msgpack bytes ───────────────────────────────────────────────────────────────────────────
  cannotDecode: (message: string, reason: string) => `cannot decode ${message}: ${reason}`,
  notInspectable: (kinds: readonly string[]) => `the bytes are not a ${kinds.join(" or a ")}`,
  /** Bytes nested past protobuf's recursion limit, which Python's protobuf cannot read either. */
  tooDeepToRead: (max: number) => `messages nested deeper than ${max} levels, protobuf's limit: too deep to read`,
  tooDeepToHash: (typeName: string, max: number) =>
    `${typeName} nests messages deeper than ${max} levels, too deep to hash`,
  /** A message whose proto3 JSON cannot be written even part by part. */
  notJson: (typeName: string, reason: string) => `${typeName} has no JSON form: ${reason}`,
  // The command line (each line is prefixed with `flyte-types: `).
  cannotRead: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  fileTooLarge: (limit: string) => `more than ${limit}, the most inspect reads`,
  /** A failure that is not a FlyteTypeError: a bug in flyte-types; the command goes on with the next file. */
  internalError: (file: string, reason: string) => `${file}: internal error (a bug, please report it): ${reason}`,
  invalidMsgpack: (problem: string) => `invalid msgpack: ${problem}`,
  // What is wrong with msgpack bytes (the `problem` of invalidMsgpack).
  msgpackTruncated: (at: number) => `truncated at byte ${at}`,
  /** A string or other value whose length runs past the end of the bytes. */
  msgpackOverrun: (what: "a string" | "a value", bytes: number, left: number) =>
    `${what} claims ${bytes} bytes with ${left} left`,
  msgpackContainerOverrun: (items: number, left: number) => `a container claims ${items} items with ${left} bytes left`,
  msgpackReserved: (at: number) => `reserved byte 0xc1 at ${at}`,
  msgpackTooDeep: (max: number) => `nesting deeper than ${max}`,
  msgpackTrailing: (bytes: number) => `${bytes} bytes after the value`,
  msgpackMapKey: (type: string) => `map keys must be strings or integers, not ${type}`,
  msgpackNotUtf8: (what: "a string" | "a map key", at: number) => `${what} at byte ${at} is not valid UTF-8`,
  msgpackTimestampNanos: (at: number, nanos: number) =>
    `the timestamp at byte ${at} has ${nanos} nanoseconds; at most 999999999 fit`,
  /** Two keys of one map Python keeps apart (`1` and `"1"`) that would be one JS property; `where` is a path. */
  msgpackKeyCollision: (where: string, first: string, second: string) =>
    `the map at ${where === "" ? "the top level" : where} has both ${first} and ${second} as keys; a JS object cannot keep them apart`,

  // ── Offloaded literals ─────────────────────────────────────────────────────────────────────────────────────────
  offloadedWithoutUri: "offloaded literal without a uri",
  offloadedTooDeep: (max: number) => `offloaded literals nest deeper than ${max}`,
  offloadedCycle: (uri: string) => `the offloaded literal at ${uri} refers back to itself`,
  offloadedTooMany: (uri: string, max: number) =>
    `too many references to offloaded literals (at ${uri}); one literal may hold at most ${max} (maxReferences)`,
  offloadedTooLarge: (uri: string, bytes: number) =>
    `offloaded literals add up to more than may be read (${bytes} bytes at ${uri}; see maxBytes)`,
  offloadedOverSize: (uri: string, claimed: number) =>
    `the offloaded literal at ${uri} is larger than the ${claimed} bytes its size_bytes claims`,
  offloadedAbandoned: (uri: string) => `reading the offloaded literal at ${uri} was stopped: the call had failed`,
  /** A problem with the literal stored at `uri`. */
  offloadedAt: (uri: string, problem: string) => `offloaded literal at ${uri}: ${problem}`,
  /** flytekit's wording. */
  offloadTooLarge: (name: string, max: number, size: number) =>
    `Literal ${name} is too large to be offloaded. Max literal size is ${max} whereas the literal size is ${size} bytes`,
};
