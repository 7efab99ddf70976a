"""One transfer through the S3 server with a Python SDK's own storage layer, in a process of its own.

usage: storage_py.py <flytekit|flyte2> <upload|download> <endpoint> <local path> <s3 uri>
flytekit moves data with fsspec/s3fs (FileAccessProvider), Flyte 2 with obstore (flyte.storage).
Prints {"seconds": ..., "maxRssKb": ...}; the import of the SDK is not timed.
"""
import asyncio
import json
import logging
import os
import resource
import sys
import tempfile
import time

logging.disable(logging.WARNING)
sdk, op, endpoint, path, uri = sys.argv[1:6]
os.environ.update(
    FLYTE_AWS_ENDPOINT=endpoint,
    FLYTE_AWS_ACCESS_KEY_ID="testing",
    FLYTE_AWS_SECRET_ACCESS_KEY="testing",
    AWS_ACCESS_KEY_ID="testing",
    AWS_SECRET_ACCESS_KEY="testing",
    AWS_REGION="us-east-1",
)

if sdk == "flytekit":
    from flytekit.configuration import DataConfig
    from flytekit.core.data_persistence import FileAccessProvider

    fa = FileAccessProvider(tempfile.mkdtemp(), "s3://bench/raw", data_config=DataConfig.auto())
    start = time.perf_counter()
    if op == "upload":
        fa.put_data(path, uri)
    else:
        fa.get_data(uri, path)
else:
    import flyte
    import flyte.storage
    from flyte.storage import S3

    async def main() -> float:
        await flyte.init.aio(storage=S3.auto())
        t = time.perf_counter()
        if op == "upload":
            await flyte.storage.put(path, uri)
        else:
            await flyte.storage.get(uri, path)
        return t

    start = asyncio.run(main())
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
sys.stdout.flush()
os._exit(0)
