"""StructuredDatasets exchanged with flytekit (pandas, pyarrow) and Flyte 2 (flyte.io.DataFrame), locally or
through a real S3 server (moto).

produce SDK STORE DIR   the SDK writes the sample frame as pandas and as a pyarrow Table (raw prefix DIR/raw, or
                        s3://interop/<sdk>-ds when STORE is s3) and saves the literals in DIR
consume SDK DIR         the SDK reads DIR/ts.pb (written by flyte-types) into pandas and pyarrow, whole and with the
                        columns [s, i]

Each prints a JSON summary of what it wrote or read; the test computes the same summary on its side.
"""
import asyncio
import hashlib
import json
import logging
import os
import sys
import typing

logging.disable(logging.WARNING)
os.environ.setdefault("AWS_ACCESS_KEY_ID", os.environ.get("FLYTE_AWS_ACCESS_KEY_ID", ""))
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", os.environ.get("FLYTE_AWS_SECRET_ACCESS_KEY", ""))
os.environ.setdefault("AWS_REGION", "us-east-1")
# pyarrow's own S3 filesystem (Flyte 2's Arrow decoder) takes the endpoint only from here.
if os.environ.get("FLYTE_AWS_ENDPOINT"):
    os.environ.setdefault("AWS_ENDPOINT_URL", os.environ["FLYTE_AWS_ENDPOINT"])

N = 1000
SUBSET = ["s", "i"]


def sample():
    import pyarrow as pa

    return pa.table(
        {
            "i": pa.array(range(N), pa.int64()),
            "f": pa.array([k * 0.5 for k in range(N)], pa.float64()),
            "s": pa.array([f"s{k % 7}" for k in range(N)], pa.string()),
            "b": pa.array([k % 2 == 0 for k in range(N)], pa.bool_()),
            "ts": pa.array([1_700_000_000_000_000 + k * 1000 for k in range(N)], pa.timestamp("us")),
            "n": pa.array([None if k % 5 == 0 else k * 1.5 for k in range(N)], pa.float64()),
        }
    )


def summary(table) -> dict:
    """What both sides compare: columns, rows and a digest of each column's values."""
    import pyarrow as pa

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pandas(table, preserve_index=False)
    out = {"columns": table.column_names, "rows": table.num_rows}
    for name in table.column_names:
        col = table.column(name)
        if pa.types.is_timestamp(col.type):
            col = col.cast(pa.timestamp("us")).cast(pa.int64())
        values = ["null" if v is None else repr_value(v) for v in col.to_pylist()]
        out[name] = hashlib.sha256("|".join(values).encode()).hexdigest()[:16]
    return out


def repr_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(float(v)) if v != int(v) else str(int(v))
    return str(v)


def prefix(sdk: str, store: str, out: str) -> str:
    return f"s3://interop/{sdk}-ds" if store == "s3" else os.path.join(out, "raw")


class Flytekit:
    def __init__(self, raw: str, work: str) -> None:
        from flytekit import FlyteContextManager
        from flytekit.configuration import DataConfig
        from flytekit.core.data_persistence import FileAccessProvider

        fa = FileAccessProvider(local_sandbox_dir=work, raw_output_prefix=raw, data_config=DataConfig.auto())
        self.ctx = FlyteContextManager.current_context().with_file_access(fa).build()

    def write(self, v, t) -> bytes:
        from flytekit.core.type_engine import TypeEngine

        return TypeEngine.to_literal(self.ctx, v, t, TypeEngine.to_literal_type(t)).to_flyte_idl().SerializeToString()

    def read(self, data: bytes, t):
        from flyteidl.core import literals_pb2
        from flytekit.core.type_engine import TypeEngine
        from flytekit.models.literals import Literal

        pb = literals_pb2.Literal()
        pb.ParseFromString(data)
        return TypeEngine.to_python_value(self.ctx, Literal.from_flyte_idl(pb), t)

    def types(self, subset: bool):
        import pandas as pd
        import pyarrow as pa
        from flytekit import kwtypes

        if not subset:
            return {"pandas": pd.DataFrame, "arrow": pa.Table}
        cols = kwtypes(s=str, i=int)
        return {"pandas": typing.Annotated[pd.DataFrame, cols], "arrow": typing.Annotated[pa.Table, cols]}


class Flyte2:
    def __init__(self, raw: str, work: str) -> None:
        import flyte
        from flyte._context import internal_ctx
        from flyte.models import RawDataPath
        from flyte.storage import S3

        asyncio.run(flyte.init.aio(storage=S3.auto()))
        self.ctx = internal_ctx().new_raw_data_path(RawDataPath(path=raw))

    def write(self, v, t) -> bytes:
        from flyte.types import TypeEngine

        async def go():
            with self.ctx:
                return await TypeEngine.to_literal(v, t, TypeEngine.to_literal_type(t))

        return asyncio.run(go()).SerializeToString()

    def read(self, data: bytes, t):
        from flyte.types import TypeEngine
        from flyteidl2.core import literals_pb2

        pb = literals_pb2.Literal()
        pb.ParseFromString(data)

        async def go():
            with self.ctx:
                return await TypeEngine.to_python_value(pb, t)

        return asyncio.run(go())

    def types(self, subset: bool):
        import pandas as pd
        import pyarrow as pa

        if not subset:
            return {"pandas": pd.DataFrame, "arrow": pa.Table}
        from collections import OrderedDict

        cols = OrderedDict(s=str, i=int)
        return {"pandas": typing.Annotated[pd.DataFrame, cols], "arrow": typing.Annotated[pa.Table, cols]}


SDKS = {"flytekit": Flytekit, "flyte2": Flyte2}


def main() -> None:
    cmd, sdk = sys.argv[1], sys.argv[2]
    if cmd == "produce":
        store, out = sys.argv[3], sys.argv[4]
        os.makedirs(out, exist_ok=True)
        s = SDKS[sdk](prefix(sdk, store, out), out)
        table = sample()
        types = s.types(False)
        for name, value in (("pandas", table.to_pandas()), ("arrow", table)):
            with open(os.path.join(out, f"{name}.pb"), "wb") as f:
                f.write(s.write(value, types[name]))
        result = summary(table)
    else:
        src = sys.argv[3]
        s = SDKS[sdk](os.path.join(src, "raw"), src)
        data = open(os.path.join(src, "ts.pb"), "rb").read()
        result = {}
        for subset in (False, True):
            for name, t in s.types(subset).items():
                key = f"{name}{'_subset' if subset else ''}"
                try:
                    result[key] = summary(s.read(data, t))
                except FileNotFoundError as e:
                    # flytekit's pyarrow decoder drops the s3:// scheme and looks on the local disk (flyte#5859).
                    if sdk != "flytekit" or name != "arrow":
                        raise
                    result[key] = {"error": "FileNotFoundError", "path": str(e)}
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
