"""Writes what one Python SDK produces for random cases (random_cases.py): <out>/<case>.lt.pb, <out>/<case>.lit.pb and
manifest.json. A case Python cannot write or read back itself is listed with `excluded` (the reason) instead.

usage: random_produce.py <flytekit|flyte2> <out-dir> <seed>:<count>|<seed>:=<i>,<j>,… …
"""
import copy
import json
import math
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from random_cases import contains, describe, jobs, make_case, plain, sdk_form  # noqa: E402
from random_known import (  # noqa: E402
    flyte2_enum_by_value, js_key_order_lost)
from sdks import load, same  # noqa: E402


def non_finite_in_pydantic(d, v) -> bool:
    """Whether a pydantic model in the case holds a NaN or an infinity (pydantic writes them as null)."""
    if not contains(d, lambda x: x["k"] == "record" and x["style"] == "pydantic"):
        return False
    def walk(x):
        if isinstance(x, float):
            return not math.isfinite(x)
        if isinstance(x, dict):
            return any(walk(y) for y in x.values())
        if isinstance(x, list):
            return any(walk(y) for y in x)
        return False
    return walk(plain(v))


def main() -> None:
    sdk = load(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for seed, indices in jobs(sys.argv[3:]):
        for i in indices:
            name, t, v, d, g = make_case(seed, i)
            entry = {"name": name, "seed": seed, "shape": describe(d), "dates": g.dates,
                     "desc": sdk_form(d, sdk.name), "value": g.neutral(d, v, sdk.name, None)}
            manifest.append(entry)
            # Deliberate differences (KNOWN_DIFFERENCES.md) known from the case alone: the check they break is
            # reported with the reason, the other checks still run.
            known = {}
            if js_key_order_lost(d, v):
                known["bytes"] = "integer-like keys first (JS object order)"
            if known:
                entry["known"] = known
            if sdk.name == "flyte2" and flyte2_enum_by_value(d):
                entry["excluded"] = "enum by value in a pydantic union"
                continue
            try:
                lt = sdk.literal_type(t)
            except Exception as e:
                entry["excluded"], entry["detail"] = "python-refuses-type", f"{type(e).__name__}: {str(e)[:200]}"
                continue
            if b"PythonPickle" in lt:
                entry["excluded"] = "pickled"
                continue
            before = copy.deepcopy(plain(v))
            try:
                lit = sdk.to_literal(v, t)
            except Exception as e:
                entry["excluded"], entry["detail"] = "python-refuses-value", f"{type(e).__name__}: {str(e)[:200]}"
                continue
            # flytekit can change the value it writes: a dataclass's Union[List[T], Dict[K, V]] field holding a dict
            # becomes the list of its keys (mashumaro tries the List variant first), and that list is written.
            changed = same(plain(v), before)
            if changed is not None:
                entry["excluded"], entry["detail"] = "python-changes-value", changed
                continue
            try:
                diff = same(plain(sdk.to_python(lit, t)), plain(v))
            except Exception as e:
                diff = f"{type(e).__name__}: {str(e)[:200]}"
            if diff is not None:
                entry["excluded"] = "pydantic-non-finite" if non_finite_in_pydantic(d, v) else "python-no-roundtrip"
                entry["detail"] = diff
                continue
            (out / f"{name}.lt.pb").write_bytes(lt)
            (out / f"{name}.lit.pb").write_bytes(lit)
    (out / "manifest.json").write_text(json.dumps({"sdk": sdk.name, "version": sdk.version, "cases": manifest}))


if __name__ == "__main__":
    main()
