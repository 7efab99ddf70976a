"""One dataset measurement by flytekit, in a process of its own; prints {seconds, maxRssKb} as JSON.

usage: python bench/dataset_py.py pandas|arrow write|read|read1 ROWS DIR [REPS]

The operation runs REPS times in this process: `seconds` is the first run, `warmSeconds` the fastest of the others.
"""
import json
import logging
import os
import resource
import sys
import time
import typing

logging.disable(logging.WARNING)


def table(rows: int):
    import numpy as np
    import pyarrow as pa

    k = np.arange(rows, dtype=np.int64)
    s = pa.array(np.char.add("s", (k % 1000).astype(str)))
    return pa.table({"i": k, "f": k * 0.5, "s": s, "b": k % 2 == 0})


def main() -> None:
    kind, op, rows, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    reps = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    import pandas as pd
    import pyarrow as pa
    from flyteidl.core import literals_pb2
    from flytekit import FlyteContextManager, kwtypes
    from flytekit.configuration import DataConfig
    from flytekit.core.data_persistence import FileAccessProvider
    from flytekit.core.type_engine import TypeEngine
    from flytekit.models.literals import Literal

    fa = FileAccessProvider(local_sandbox_dir=out, raw_output_prefix=os.path.join(out, "raw"), data_config=DataConfig.auto())
    ctx = FlyteContextManager.current_context().with_file_access(fa).build()
    t = pd.DataFrame if kind == "pandas" else pa.Table
    path = os.path.join(out, f"{kind}.pb")
    times = []
    if op == "write":
        value = table(rows)
        if kind == "pandas":
            value = value.to_pandas()
        for _ in range(reps):
            # flytekit caches literals by a pickle of the value: a repeat would be a cache hit, not a write.
            TypeEngine._LITERAL_CACHE.clear()
            t0 = time.perf_counter()
            lit = TypeEngine.to_literal(ctx, value, t, TypeEngine.to_literal_type(t))
            times.append(time.perf_counter() - t0)
            with open(path, "wb") as f:
                f.write(lit.to_flyte_idl().SerializeToString())
    else:
        want = t if op == "read" else typing.Annotated[t, kwtypes(f=float)]
        pb = literals_pb2.Literal()
        pb.ParseFromString(open(path, "rb").read())
        for _ in range(reps):
            t0 = time.perf_counter()
            value = TypeEngine.to_python_value(ctx, Literal.from_flyte_idl(pb), want)
            times.append(time.perf_counter() - t0)
            n = len(value) if kind == "pandas" else value.num_rows
            assert n == rows, (n, rows)
            del value
    result = {"seconds": times[0]}
    if len(times) > 1:
        result["warmSeconds"] = min(times[1:])
    result["maxRssKb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
