"""Writes what one Python SDK produces for every case: <out>/<case>.lt.pb, <out>/<case>.lit.pb and manifest.json.

usage: produce.py <flytekit|flyte2> <out-dir>
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from cases import CASES  # noqa: E402
from sdks import load  # noqa: E402


def main() -> None:
    sdk = load(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for c in CASES:
        entry = {"name": c.name, "schema": c.schema_for(sdk.name), "value": c.neutral_for(sdk.name)}
        try:
            (out / f"{c.name}.lt.pb").write_bytes(sdk.literal_type(c.py_type))
            (out / f"{c.name}.lit.pb").write_bytes(sdk.to_literal(c.value, c.py_type))
        except Exception as e:  # recorded, and reported by the suite as a disagreement
            entry["error"] = f"{type(e).__name__}: {e}"
        manifest.append(entry)
    (out / "manifest.json").write_text(json.dumps({"sdk": sdk.name, "version": sdk.version, "cases": manifest}, indent=1))


if __name__ == "__main__":
    main()
