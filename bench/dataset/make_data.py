"""Writes the dataset benchmark's input tables once, as Arrow IPC files that every measuring process loads the same way.

usage: make_data.py ROWS DIR   → DIR/easy.arrow, DIR/real.arrow (record batches of 1,048,576 rows)

easy: i int64 = k, f float64 = k·0.5, s utf8 = "s" + (k mod 1000), b bool = k even; no nulls. Compresses and
      dictionary-encodes far better than real data.
real: i int64 = k, f float64 uniform random with 10% nulls, s utf8 drawn at random from 1M distinct random
      10-letter strings with 5% nulls, b bool random with 10% nulls. Seeded, so every run has the same table.
"""
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

BATCH = 1 << 20


def easy(rows: int) -> pa.Table:
    k = np.arange(rows, dtype=np.int64)
    s = pc.binary_join_element_wise(pa.scalar("s"), pc.cast(pa.array(k % 1000), pa.string()), "")
    return pa.table({"i": k, "f": k * 0.5, "s": s, "b": k % 2 == 0})


def real(rows: int) -> pa.Table:
    rng = np.random.default_rng(20261130)
    letters = rng.integers(ord("a"), ord("z") + 1, size=(1_000_000, 10), dtype=np.uint8)
    pool = pc.unique(pa.array(letters.view("S10").ravel()).cast(pa.string()))
    pick = pa.array(rng.integers(0, len(pool), size=rows))
    s = pc.if_else(pa.array(rng.random(rows) < 0.05), pa.scalar(None, pa.string()), pool.take(pick))
    f = pa.array(rng.random(rows), mask=rng.random(rows) < 0.10)
    b = pa.array(rng.random(rows) < 0.5, mask=rng.random(rows) < 0.10)
    return pa.table({"i": np.arange(rows, dtype=np.int64), "f": f, "s": s, "b": b})


def write(table: pa.Table, path: str) -> None:
    tmp = path + ".tmp"
    with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, table.schema) as w:
        for batch in table.to_batches(max_chunksize=BATCH):
            w.write_batch(batch)
    os.replace(tmp, path)


def main() -> None:
    rows, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    write(easy(rows), os.path.join(out, "easy.arrow"))
    write(real(rows), os.path.join(out, "real.arrow"))


if __name__ == "__main__":
    main()
