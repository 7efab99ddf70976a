"""One codec case through one Python SDK in a process of its own (bench/method.ts, bench/child.py).

usage: codec_py.py <flytekit|flyte2> <case> <warm runs>
encode = python values → LiteralMap → bytes, decode = bytes → LiteralMap → python values, each through the SDK's
own task-boundary call: flytekit's TypeEngine.dict_to_literal_map / literal_map_to_kwargs (both run
async_to_literal / async_to_python_value per value, as a task does), Flyte 2's TypeEngine.dict_to_literal_map /
literal_map_to_kwargs.
"""
import asyncio
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0])
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from child import Child, timed_import  # noqa: E402


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
    sdk, case, warm = sys.argv[1], sys.argv[2], int(sys.argv[3])

    def load():
        import codec_cases

        return (flytekit_sdk if sdk == "flytekit" else flyte2_sdk)(), codec_cases

    ((encode, decode), codec_cases), import_seconds = timed_import(load)
    values, hints = codec_cases.make_case(case, sdk)
    child = Child(import_seconds, warm)
    child.baseline()
    out = {"data": b""}

    def enc():
        out["data"] = encode(values, hints)

    def dec():
        back = decode(out["data"], hints)
        assert len(back) == len(values)

    for _ in range(warm + 1):
        child.time("encode", enc)
        child.time("decode", dec)
    child.report(bytes=len(out["data"]))


if __name__ == "__main__":
    main()
