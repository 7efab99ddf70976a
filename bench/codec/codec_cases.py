"""The benchmark cases on the Python side; bench/codec/codec-cases.ts builds the same values in TypeScript."""
import typing
from dataclasses import dataclass

import pydantic


@dataclass
class Rec:
    i: int
    f: float
    s: str
    b: bool
    l: typing.List[int]


class RecModel(pydantic.BaseModel):
    i: int
    f: float
    s: str
    b: bool
    l: typing.List[int]


def make_case(name: str, sdk: str):
    if name == "int-list-1m":
        return {"xs": list(range(1_000_000))}, {"xs": typing.List[int]}
    if name == "str-map-100k":
        return {"m": {f"key{i}": f"value{i}" for i in range(100_000)}}, {"m": typing.Dict[str, str]}
    if name == "records-100k":
        # flytekit with dataclasses, Flyte 2 with pydantic models: each SDK's usual record type.
        cls = Rec if sdk == "flytekit" else RecModel
        rs = [cls(i=i, f=i + 0.5, s=f"s{i}", b=i % 2 == 0, l=[i, i + 1, i + 2]) for i in range(100_000)]
        return {"rs": rs}, {"rs": typing.List[cls]}
    raise ValueError(name)
