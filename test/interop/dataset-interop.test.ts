// StructuredDatasets between flyte-types and the real Python SDKs, on local disk and through S3 (moto): flytekit
// writes pandas frames and pyarrow Tables, Flyte 2 writes its DataFrames; each side reads what the other wrote,
// whole and with a column subset, and both compare a digest of every column's values.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as A from "apache-arrow";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { CREDENTIALS, createBucket } from "../../scripts/moto-server.js";
import { ArrowTable, createTypeEngine, Storage, StructuredDataset, structuredDataset } from "../../src/index.js";
import { decodeLiteral, encodeLiteral } from "../../src/literal/index.js";
import { pythonFloat } from "../../src/literal/literal-hash.js";

const endpoint = inject("s3Endpoint");
const root = new URL("../..", import.meta.url).pathname;
const python = join(root, ".venv/bin/python");
const script = join(root, "test/python/dataset_interop.py");
const work = mkdtempSync(join(tmpdir(), "flyte-dataset-interop-"));
const env = {
  ...process.env,
  FLYTE_AWS_ENDPOINT: endpoint,
  FLYTE_AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  FLYTE_AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
};
const N = 1000;
const subset = structuredDataset({ columns: z.object({ s: z.string(), i: z.int() }) });
const any = structuredDataset();

type Summary = Record<string, unknown> & { columns: string[]; rows: number };

function runPython(args: string[]): Record<string, Summary> {
  try {
    const out = execFileSync(python, [script, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out.trim().split("\n").pop() as string);
  } catch (e) {
    // The end of Python's traceback says what went wrong; vitest would cut it off.
    const err = String((e as { stderr?: string }).stderr ?? "")
      .trim()
      .split("\n")
      .slice(-12)
      .join("\n");
    throw new Error(`${args.join(" ")} failed:\n${err}`);
  }
}

/** The Python script's sample frame, built here. */
function sample(): A.Table {
  const k = Array.from({ length: N }, (_, i) => i);
  return new A.Table({
    i: A.vectorFromArray(k.map(BigInt), new A.Int64()),
    f: A.vectorFromArray(
      k.map((x) => x * 0.5),
      new A.Float64(),
    ),
    s: A.vectorFromArray(
      k.map((x) => `s${x % 7}`),
      new A.Utf8(),
    ),
    b: A.vectorFromArray(
      k.map((x) => x % 2 === 0),
      new A.Bool(),
    ),
    ts: A.makeVector(
      A.makeData({
        type: new A.TimestampMicrosecond(),
        length: N,
        data: BigInt64Array.from(k, (x) => 1_700_000_000_000_000n + BigInt(x) * 1000n),
      }),
    ),
    n: A.vectorFromArray(
      k.map((x) => (x % 5 === 0 ? null : x * 1.5)),
      new A.Float64(),
    ),
  });
}

/** The Python summary: per column, a digest of its values rendered as Python prints them. */
function summary(t: A.Table): Summary {
  const out: Summary = { columns: t.schema.fields.map((f) => f.name), rows: t.numRows };
  for (const field of t.schema.fields) {
    const col = t.getChild(field.name) as A.Vector;
    const values: string[] = [];
    for (const d of col.data) {
      for (let r = 0; r < d.length; r++) {
        if (!d.getValid(r)) {
          values.push("null");
          continue;
        }
        if (A.DataType.isTimestamp(field.type)) {
          const raw = (d.values as BigInt64Array)[r] as bigint;
          const unit = (field.type as A.Timestamp).unit;
          values.push(
            String(unit === A.TimeUnit.NANOSECOND ? raw / 1000n : unit === A.TimeUnit.MILLISECOND ? raw * 1000n : raw),
          );
          continue;
        }
        const v = A.makeVector(d).get(r);
        values.push(
          typeof v === "boolean"
            ? String(v)
            : typeof v === "number" && !Number.isInteger(v)
              ? pythonFloat(v)
              : String(v),
        );
      }
    }
    out[field.name] = createHash("sha256").update(values.join("|")).digest("hex").slice(0, 16);
  }
  return out;
}

const only = (s: Summary, names: string[]): Summary => ({
  columns: names,
  rows: s.rows,
  ...Object.fromEntries(names.map((n) => [n, s[n]])),
});

beforeAll(() => createBucket(endpoint, "interop"));

const s3 = new Storage({ rawOutputPrefix: "s3://interop/ts-ds", s3: { endpoint, credentials: CREDENTIALS } });

describe.each(["flytekit", "flyte2"])("%s", (sdk) => {
  describe.each(["local", "s3"])("on %s storage", (store) => {
    const dir = join(work, `${sdk}-${store}`);
    const engine = createTypeEngine({ storage: store === "s3" ? s3 : { rawOutputPrefix: join(dir, "ts-raw") } });
    const expected = summary(sample());

    it(`flyte-types reads the pandas frame and the pyarrow Table ${sdk} wrote, whole and subset`, async () => {
      const made = runPython(["produce", sdk, store, dir]);
      expect(made).toEqual(expected);
      for (const name of ["pandas", "arrow"]) {
        const literal = decodeLiteral(readFileSync(join(dir, `${name}.pb`)));
        const whole = await (await engine.toValue(literal, any)).open(ArrowTable).all();
        expect(summary(whole), name).toEqual(expected);
        const part = await (await engine.toValue(literal, subset)).open(ArrowTable).all();
        expect(summary(part), `${name} subset`).toEqual(only(expected, ["s", "i"]));
        let rows = 0;
        for await (const b of (await engine.toValue(literal, any)).open(ArrowTable).iter({ batchSize: 300 })) {
          rows += b.numRows;
        }
        expect(rows).toBe(N);
      }
    });

    it(`${sdk} reads what flyte-types wrote into pandas and pyarrow, whole and subset`, async () => {
      const out = join(work, `ts-for-${sdk}-${store}`);
      mkdirSync(out, { recursive: true });
      const literal = await engine.toLiteral(StructuredDataset.from(ArrowTable, sample()), any);
      writeFileSync(join(out, "ts.pb"), encodeLiteral(literal));
      const read = runPython(["consume", sdk, out]);
      expect(read.pandas).toEqual(expected);
      expect(read.pandas_subset).toEqual(only(expected, ["s", "i"]));
      if (sdk === "flytekit" && store === "s3") {
        // flytekit's pyarrow decoder strips s3:// and reads a local path (flyte#5859), for its own datasets too.
        const scalar = literal.value.case === "scalar" ? literal.value.value.value : undefined;
        const uri = scalar?.case === "structuredDataset" ? scalar.value.uri : "";
        expect(read.arrow).toEqual({ error: "FileNotFoundError", path: uri.replace("s3://", "") });
        return;
      }
      expect(read.arrow).toEqual(expected);
      expect(read.arrow_subset).toEqual(only(expected, ["s", "i"]));
    });
  });
});
