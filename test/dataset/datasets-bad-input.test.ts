// StructuredDatasets that cannot be written or read: corrupt, truncated and missing data, streams that fail or change
// schema, formats nobody handles — each a typed error, with nothing half-written left behind; and the registry.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as A from "apache-arrow";
import { describe, expect, it } from "vitest";
import { numberStream, numbers } from "../../fixtures/arrow-data.js";
import {
  ArrowTable,
  createDatasetRegistry,
  createTypeEngine,
  type DatasetEncoder,
  defineFrame,
  ErrorCode,
  lit,
  StructuredDataset,
  structuredDataset,
} from "../../src/index.js";
import * as model from "../../src/literal/index.js";
import { datasetSetup, sdOf } from "../support/dataset-setup.js";
import { rejection } from "../support/helpers.js";

const { work, raw, engine, any, write } = datasetSetup();

describe("bad input", () => {
  const open = (uri: string) => StructuredDataset.fromUri(uri, engine).open(ArrowTable).all();

  it("a corrupt or truncated Parquet file is decode_failed naming the file", async () => {
    const { writeParquet } = await import("../../src/adapters/parquet/parquet-write.js");
    const good = join(work, "good");
    await writeParquet(new A.Table(numbers(0, 5000)), good, engine.storage);
    const bytes = readFileSync(join(good, "00000"));
    const truncated = join(work, "truncated.parquet");
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    const garbage = join(work, "garbage.parquet");
    writeFileSync(garbage, Buffer.from("this is not parquet at all, not even close"));
    const scrambled = join(work, "scrambled.parquet");
    const s = Buffer.from(bytes);
    for (let k = 4; k < s.length - 2000; k += 7) s[k] = (s[k] as number) ^ 0x5a;
    writeFileSync(scrambled, s);
    for (const f of [truncated, garbage, scrambled]) {
      const e = await rejection(open(f));
      expect(e.code).toBe(ErrorCode.decodeFailed);
      expect(e.message).toContain(f);
    }
    // The workers survive bad files: a good read still works afterwards.
    expect((await open(good)).numRows).toBe(5000);
  });

  it("a URI with no data is not_found", async () => {
    const empty = join(work, "empty-dir");
    mkdirSync(empty);
    for (const uri of [empty, join(work, "does-not-exist")]) {
      const e = await rejection(open(uri));
      expect(e.code).toBe(ErrorCode.notFound);
      expect(e.message).toContain(uri);
    }
  });

  it("a format nobody handles is no_handler, listing what is registered", async () => {
    const e = await rejection(write(new A.Table(numbers(0, 3)), structuredDataset({ format: "csv" })));
    expect(e.code).toBe(ErrorCode.noHandler);
    expect(e.path).toBe("value");
    expect(e.message).toContain("arrow/file/csv");
    expect(e.message).toContain("arrow/file/parquet");
  });

  it("data that is not a frame is a type mismatch at its path, before anything is written", async () => {
    const e = await rejection(engine.toLiteral(StructuredDataset.from(ArrowTable, [1, 2] as never), any));
    expect(e.code).toBe(ErrorCode.typeMismatch);
    expect(e.message).toContain("an Arrow Table or an AsyncIterable<RecordBatch>");
  });

  it("a stream that fails midway rejects toLiteral and leaves no parts behind", async () => {
    const prefix = join(work, "failing");
    const failing = createTypeEngine({ storage: { rawOutputPrefix: prefix } });
    async function* broken() {
      yield* numberStream(200_000, 50_000);
      throw new Error("the source went away");
    }
    await expect(failing.toLiteral(StructuredDataset.from(ArrowTable, broken()), any)).rejects.toThrow(
      /the source went away/,
    );
    const left = readdirSync(prefix, { recursive: true }).filter((f) => !String(f).includes(".flyte-partial"));
    expect(left.filter((f) => String(f).includes("0000"))).toEqual([]);
  });

  it("a stream whose schema changes midway is refused", async () => {
    async function* mixed() {
      yield numbers(0, 10);
      yield new A.Table({ other: A.vectorFromArray([1], new A.Int32()) }).batches[0] as A.RecordBatch;
    }
    const e = await rejection(write(mixed()));
    expect(e.message).toMatch(/batch 1 has schema/);
  });

  it("a literal with an empty URI is refused", async () => {
    const bad = lit.structuredDataset("", model.datasetType("parquet", []));
    const e = await rejection(engine.toValue(bad, any));
    expect(e.code).toBe(ErrorCode.typeMismatch);
  });
});

describe("the handler registry", () => {
  const Csv = defineFrame<string, string>("csv-text");
  const encoder: DatasetEncoder<string, string> = {
    frame: Csv,
    format: "csv",
    protocols: ["file"],
    check: (d) => (typeof d === "string" ? undefined : "CSV text"),
    async encode(data, target) {
      await target.storage.write(join(target.uri, "data.csv"), new TextEncoder().encode(data as string));
    },
  };

  it("a registered encoder is found by (frame, protocol, format) and becomes the frame's default format", async () => {
    const datasets = createDatasetRegistry();
    datasets.registerEncoder(encoder, { defaultFormat: true });
    const e = createTypeEngine({ storage: { rawOutputPrefix: raw }, datasets });
    const l = await e.toLiteral(StructuredDataset.from(Csv, "a,b\n1,2\n"), any);
    expect(sdOf(l).metadata?.structuredDatasetType?.format).toBe("csv");
    expect(readFileSync(join(sdOf(l).uri, "data.csv"), "utf8")).toBe("a,b\n1,2\n");
  });

  it("a duplicate registration throws unless overridden, and a miss lists what exists", () => {
    const datasets = createDatasetRegistry();
    datasets.registerEncoder(encoder);
    expect(() => datasets.registerEncoder(encoder)).toThrow(/already registered for csv-text\/file\/csv/);
    datasets.registerEncoder(encoder, { override: true });
    expect(() => datasets.decoder(Csv, "s3", "csv")).toThrow(
      /no dataset decoder for csv-text\/s3\/csv; registered: none/,
    );
    expect(() => datasets.encoder(Csv, "s3", "csv")).toThrow(/registered: csv-text\/file\/csv/);
  });
});
