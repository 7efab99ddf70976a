"""The benchmark cases on the Python side; bench/cases.ts builds the same values in TypeScript."""
import typing


def make_case(name: str):
    if name == "int-list-1m":
        return {"xs": list(range(1_000_000))}, {"xs": typing.List[int]}
    if name == "str-map-100k":
        return {"m": {f"key{i}": f"value{i}" for i in range(100_000)}}, {"m": typing.Dict[str, str]}
    raise ValueError(name)
