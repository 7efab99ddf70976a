"""Writes what one Python SDK produces for every case: <out>/<case>.lt.pb, <out>/<case>.lit.pb and manifest.json.

usage: produce.py <flytekit|flyte2> <out-dir>
"""
import json
import os
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
        if sdk.name not in c.sdks:
            continue
        entry = {"name": c.name, "schema": c.schema_for(sdk.name), "value": c.neutral_for(sdk.name)}
        if c.expect_error:
            entry["expect_error"] = c.expect_error
        env = c.env or {}
        os.environ.update(env)
        try:
            (out / f"{c.name}.lt.pb").write_bytes(sdk.literal_type(c.py_type))
            (out / f"{c.name}.lit.pb").write_bytes(sdk.to_literal(c.value, c.py_type))
        except Exception as e:  # recorded; the suite reports it unless the case expects a refusal
            entry["error"] = f"{type(e).__name__}: {e}"
        finally:
            for k in env:
                del os.environ[k]
        manifest.append(entry)
    (out / "manifest.json").write_text(json.dumps({"sdk": sdk.name, "version": sdk.version, "cases": manifest}, indent=1))


if __name__ == "__main__":
    main()
