"""Transfers through the S3 server with a Python SDK's own storage layer, in a process of its own (bench/method.ts,
bench/child.py): the same transfer 1 + W times, the first cold (client creation and connections inside it).

usage: storage_py.py <flytekit|flyte2> <upload|download> <endpoint> <local path> <s3 uri> WARM
flytekit moves data with fsspec/s3fs (FileAccessProvider.put_data / get_data), Flyte 2 with obstore
(flyte.storage.put / get).
"""
import asyncio
import logging
import os
import sys
import tempfile

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from child import Child, timed_import  # noqa: E402

logging.disable(logging.WARNING)
sdk, op, endpoint, path, uri, warm = sys.argv[1:7]
os.environ.update(
    FLYTE_AWS_ENDPOINT=endpoint,
    FLYTE_AWS_ACCESS_KEY_ID="testing",
    FLYTE_AWS_SECRET_ACCESS_KEY="testing",
    AWS_ACCESS_KEY_ID="testing",
    AWS_SECRET_ACCESS_KEY="testing",
    AWS_REGION="us-east-1",
)


def load_flytekit():
    from flytekit.configuration import DataConfig
    from flytekit.core.data_persistence import FileAccessProvider

    return DataConfig, FileAccessProvider


def load_flyte2():
    import flyte
    import flyte.storage
    from flyte.storage import S3

    return flyte, S3


if sdk == "flytekit":
    (DataConfig, FileAccessProvider), import_seconds = timed_import(load_flytekit)
    child = Child(import_seconds, int(warm))
    state = {}

    def once():
        if "fa" not in state:
            state["fa"] = FileAccessProvider(tempfile.mkdtemp(), "s3://bench/raw", data_config=DataConfig.auto())
        if op == "upload":
            state["fa"].put_data(path, uri)
        else:
            state["fa"].get_data(uri, path)

    child.baseline()
    child.repeat(op, once)
else:
    (flyte, S3), import_seconds = timed_import(load_flyte2)
    child = Child(import_seconds, int(warm))
    loop = asyncio.new_event_loop()
    state = {}

    async def transfer():
        if "init" not in state:
            await flyte.init.aio(storage=S3.auto())
            state["init"] = True
        if op == "upload":
            await flyte.storage.put(path, uri)
        else:
            await flyte.storage.get(uri, path)

    child.baseline()
    child.repeat(op, lambda: loop.run_until_complete(transfer()))
child.report()
