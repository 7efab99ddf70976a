// Arrow tables for dataset tests, built from typed arrays (fast) or small JS arrays.
import * as A from "apache-arrow";

/** `n` rows from `offset`: i int64, f float64, s utf8, b bool, as the benchmarks use. */
export function numbers(offset: number, n: number): A.RecordBatch {
  const i = new BigInt64Array(n);
  const f = new Float64Array(n);
  const b = new Uint8Array(Math.ceil(n / 8));
  const offsets = new Int32Array(n + 1);
  const chars = new Uint8Array(n * 4);
  let len = 0;
  for (let k = 0; k < n; k++) {
    const x = offset + k;
    i[k] = BigInt(x);
    f[k] = x * 0.5;
    if (x % 2 === 0) b[k >> 3] = (b[k >> 3] as number) | (1 << (k & 7));
    const s = `s${x % 1000}`;
    for (let c = 0; c < s.length; c++) chars[len++] = s.charCodeAt(c);
    offsets[k + 1] = len;
  }
  const fields = [
    new A.Field("i", new A.Int64(), false),
    new A.Field("f", new A.Float64(), false),
    new A.Field("s", new A.Utf8(), false),
    new A.Field("b", new A.Bool(), false),
  ];
  const children = [
    A.makeData({ type: new A.Int64(), length: n, data: i }),
    A.makeData({ type: new A.Float64(), length: n, data: f }),
    A.makeData({ type: new A.Utf8(), length: n, valueOffsets: offsets, data: chars.subarray(0, len) }),
    A.makeData({ type: new A.Bool(), length: n, data: b }),
  ];
  return new A.RecordBatch(new A.Schema(fields), A.makeData({ type: new A.Struct(fields), length: n, children }));
}

/** An async stream of `total` rows in batches of `size`. */
export async function* numberStream(total: number, size: number): AsyncGenerator<A.RecordBatch> {
  for (let at = 0; at < total; at += size) yield numbers(at, Math.min(size, total - at));
}

/** Rows as plain JSON-able objects (bigints as strings), for comparing tables. */
export function rows(t: A.Table | A.RecordBatch): unknown[] {
  return t
    .toArray()
    .map((r) => JSON.parse(JSON.stringify(r.toJSON(), (_k, v) => (typeof v === "bigint" ? `${v}n` : v))));
}
