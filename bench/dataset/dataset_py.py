"""One dataset measurement by flytekit in a process of its own (bench/method.ts, bench/child.py).

usage: dataset_py.py <pandas|arrow> <write|read|read1> DATA.arrow LITERAL.pb WORKDIR WARM ROWS

Both take the path a task takes. write: the table loaded from DATA.arrow (as a pandas DataFrame or a pyarrow
Table) becomes a task output through TypeEngine.dict_to_literal_map, which runs TypeEngine.async_to_literal as
flytekit's base_task does for outputs (the synchronous TypeEngine.to_literal would add a pickle of the whole table
as a cache key); the first run's literal is saved to LITERAL.pb. read / read1: LITERAL.pb as a task input through
TypeEngine.literal_map_to_kwargs, as DataFrame / Table, all columns or only `f`.
"""
import logging
import os
import sys
import typing

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from child import Child, timed_import  # noqa: E402

logging.disable(logging.WARNING)


def main() -> None:
    kind, op, data, literal_path, work, warm, rows = sys.argv[1:8]
    rows = int(rows)

    def load():
        import pandas as pd
        import pyarrow as pa
        from flyteidl.core import literals_pb2
        from flytekit import FlyteContextManager, kwtypes
        from flytekit.configuration import DataConfig
        from flytekit.core.data_persistence import FileAccessProvider
        from flytekit.core.type_engine import TypeEngine
        from flytekit.models.literals import Literal, LiteralMap

        return pd, pa, literals_pb2, FlyteContextManager, kwtypes, DataConfig, FileAccessProvider, TypeEngine, Literal, LiteralMap

    modules, import_seconds = timed_import(load)
    pd, pa, literals_pb2, FlyteContextManager, kwtypes, DataConfig, FileAccessProvider, TypeEngine, Literal, LiteralMap = modules
    fa = FileAccessProvider(local_sandbox_dir=work, raw_output_prefix=os.path.join(work, "raw"), data_config=DataConfig.auto())
    ctx = FlyteContextManager.current_context().with_file_access(fa).build()
    t = pd.DataFrame if kind == "pandas" else pa.Table
    child = Child(import_seconds, int(warm))
    if op == "write":
        # Loaded whole into memory, as bench/dataset/dataset-ts.ts does; the baseline is taken after this.
        with pa.OSFile(data, "rb") as f:
            table = pa.ipc.open_file(f).read_all()
        assert table.num_rows == rows, (table.num_rows, rows)
        value = table.to_pandas() if kind == "pandas" else table
        del table
        saved = {}

        def once():
            lm = TypeEngine.dict_to_literal_map(ctx, {"o0": value}, {"o0": t})
            if "pb" not in saved:
                saved["pb"] = lm.literals["o0"].to_flyte_idl().SerializeToString()

        child.baseline()
        child.repeat("write", once)
        with open(literal_path, "wb") as f:
            f.write(saved["pb"])
    else:
        want = t if op == "read" else typing.Annotated[t, kwtypes(f=float)]
        pb = literals_pb2.Literal()
        with open(literal_path, "rb") as f:
            pb.ParseFromString(f.read())
        lm = LiteralMap({"i0": Literal.from_flyte_idl(pb)})

        def once():
            value = TypeEngine.literal_map_to_kwargs(ctx, lm, {"i0": want})["i0"]
            n = len(value) if kind == "pandas" else value.num_rows
            assert n == rows, (n, rows)

        child.baseline()
        child.repeat(op, once)
    child.report()


if __name__ == "__main__":
    main()
