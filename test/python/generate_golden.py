"""Writes fixtures/golden/: what flytekit itself writes for every case in cases.py (flytekit.json) and raw .pb files
as Flyte stores them (pb/), for the offline golden test and `flyte-types inspect` tests.

Run with the project's venv: `npm run golden`. The interop suite (interop.test.ts) checks the same cases against the
live SDKs on every run; these files keep a fast, offline record of flytekit's bytes.
"""
import datetime as dt
import json
import pathlib
import sys

import flytekit
from flytekit.core.context_manager import FlyteContextManager
from flytekit.core.type_engine import TypeEngine

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from cases import CASES  # noqa: E402
from sdks import load  # noqa: E402


def flyteidl2_extras() -> dict:
    """Bytes only Flyte 2's IDL writes: a Literal carrying `artifact_id` (field 9), inside a LiteralMap."""
    from flyteidl2.core import literals_pb2

    lit = literals_pb2.Literal()
    lit.scalar.primitive.integer = 7
    lit.artifact_id.version = "v1"
    lit.artifact_id.key.name = "model"
    lm = literals_pb2.LiteralMap()
    lm.literals["x"].CopyFrom(lit)
    return {
        "literalWithArtifactId": lit.SerializeToString(deterministic=True).hex(),
        "literalMapWithArtifactId": lm.SerializeToString(deterministic=True).hex(),
    }


def write_pb_files(ctx, root: pathlib.Path) -> list:
    """Raw files as Flyte stores them, for `flyte-types inspect`: inputs.pb (a LiteralMap), a Literal holding a
    msgpack binary, a LiteralType, and a Flyte 2 literal with artifact_id."""
    import typing

    from flyteidl2.core import literals_pb2

    folder = root / "fixtures" / "golden" / "pb"
    folder.mkdir(parents=True, exist_ok=True)
    hints = {"n": int, "xs": typing.List[str], "when": dt.datetime, "cfg": dict, "big": int}
    values = {"n": 3, "xs": ["a", "b"], "when": dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc), "cfg": {"k": [1, 2.5], "x": None}, "big": 2**62}
    lm = TypeEngine.dict_to_literal_map(ctx, values, hints).to_flyte_idl()
    files = {
        "inputs.pb": lm.SerializeToString(deterministic=True),
        "dict_literal.pb": TypeEngine.to_literal(ctx, {"a": 1, "b": [True]}, dict, TypeEngine.to_literal_type(dict)).to_flyte_idl().SerializeToString(),
        "literal_type.pb": TypeEngine.to_literal_type(typing.Optional[typing.List[int]]).to_flyte_idl().SerializeToString(),
    }
    lit2 = literals_pb2.Literal()
    lit2.scalar.primitive.string_value = "flyte 2"
    lit2.artifact_id.version = "v3"
    files["flyte2_literal.pb"] = lit2.SerializeToString()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return sorted(files)


def main() -> None:
    ctx = FlyteContextManager.current_context()
    sdk = load("flytekit")
    out = []
    for c in CASES:
        if "flytekit" not in c.sdks or c.expect_error or c.env:
            continue
        out.append(
            {
                "name": c.name,
                "schema": c.schema_for("flytekit"),
                "value": c.neutral_for("flytekit"),
                "literalType": sdk.literal_type(c.py_type).hex(),
                "literal": sdk.to_literal(c.value, c.py_type).hex(),
            }
        )
    extras = flyteidl2_extras()
    root = pathlib.Path(__file__).resolve().parents[2]
    write_pb_files(ctx, root)
    target = root / "fixtures" / "golden" / "flytekit.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = {"producer": f"flytekit {flytekit.__version__}", "cases": out, "flyteidl2": extras}
    target.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {len(out)} cases to {target.relative_to(root)}")


if __name__ == "__main__":
    main()
