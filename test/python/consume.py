"""Reads the literals flyte-types wrote for every case (<dir>/ts/<case>.pb) with one Python SDK's to_python_value and
compares each with the case's Python value. Prints {"results": {case: null | "difference"}} as JSON.

usage: consume.py <flytekit|flyte2> <dir>
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from cases import CASES  # noqa: E402
from sdks import load, same  # noqa: E402


def main() -> None:
    sdk = load(sys.argv[1])
    folder = pathlib.Path(sys.argv[2]) / "ts"
    results = {}
    for c in CASES:
        path = folder / f"{c.name}.pb"
        if sdk.name not in c.sdks or c.expect_error or not path.exists():
            continue
        try:
            results[c.name] = same(sdk.to_python(path.read_bytes(), c.py_type), c.value)
        except Exception as e:
            results[c.name] = f"{type(e).__name__}: {str(e)[:300]}"
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
