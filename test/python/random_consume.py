"""Reads the literals flyte-types wrote for random cases (<dir>/ts/<case>.pb) with one SDK's to_python_value and
compares each with the case's Python value. Prints {"results": {case: null | "difference"}} as JSON.

usage: random_consume.py <flytekit|flyte2> <dir> <seed>:<count>|<seed>:=<i>,<j>,… …
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from random_cases import jobs, make_case, plain  # noqa: E402
from sdks import load, same  # noqa: E402


def main() -> None:
    sdk = load(sys.argv[1])
    folder = pathlib.Path(sys.argv[2]) / "ts"
    results = {}
    for seed, indices in jobs(sys.argv[3:]):
        for i in indices:
            name, t, v, _, _ = make_case(seed, i)
            path = folder / f"{name}.pb"
            if not path.exists():
                continue
            try:
                results[name] = same(plain(sdk.to_python(path.read_bytes(), t)), plain(v))
            except Exception as e:
                results[name] = f"{type(e).__name__}: {str(e)[:300]}"
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
