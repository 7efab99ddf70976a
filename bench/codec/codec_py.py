"""One benchmark case through one Python SDK, in its own process so peak RSS is its own.

usage: python_bench.py <flytekit|flyte2> <case> <runs>
Prints one JSON line: {"encode": [seconds…], "decode": [seconds…], "bytes": n, "maxRssKb": n}.
encode = python value → LiteralMap → bytes; decode = bytes → LiteralMap → python value (what a task boundary does).
"""
import asyncio
import gc
import json
import resource
import sys
import time
import typing

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from codec_cases import make_case  # noqa: E402


def flytekit_sdk():
    from flyteidl.core import literals_pb2
    from flytekit.core.context_manager import FlyteContextManager
    from flytekit.core.type_engine import TypeEngine
    from flytekit.models.literals import LiteralMap

    ctx = FlyteContextManager.current_context()

    def encode(values, hints):
        return TypeEngine.dict_to_literal_map(ctx, values, hints).to_flyte_idl().SerializeToString()

    def decode(data, hints):
        pb = literals_pb2.LiteralMap()
        pb.ParseFromString(data)
        return TypeEngine.literal_map_to_kwargs(ctx, LiteralMap.from_flyte_idl(pb), hints)

    return encode, decode


def flyte2_sdk():
    from flyte.types import TypeEngine
    from flyteidl2.core import literals_pb2

    def encode(values, hints):
        return asyncio.run(TypeEngine.dict_to_literal_map(values, hints)).SerializeToString()

    def decode(data, hints):
        lm = literals_pb2.LiteralMap()
        lm.ParseFromString(data)
        return asyncio.run(TypeEngine.literal_map_to_kwargs(lm, hints))

    return encode, decode


def main() -> None:
    sdk, case, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    encode, decode = (flytekit_sdk if sdk == "flytekit" else flyte2_sdk)()
    values, hints = make_case(case, sdk)
    enc, dec = [], []
    data = b""
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        data = encode(values, hints)
        enc.append(time.perf_counter() - t)
        gc.collect()
        t = time.perf_counter()
        back = decode(data, hints)
        dec.append(time.perf_counter() - t)
        assert len(back) == len(values)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"encode": enc, "decode": dec, "bytes": len(data), "maxRssKb": rss}))


if __name__ == "__main__":
    main()
