"""The two Python SDKs behind one small interface: LiteralType and Literal bytes for a value, and a value for bytes."""
import asyncio
import importlib.metadata
import logging
import math
import datetime as dt
import enum
import typing

logging.disable(logging.WARNING)


class Flytekit:
    name = "flytekit"

    def __init__(self) -> None:
        from flyteidl.core import literals_pb2
        from flytekit.core.context_manager import FlyteContextManager
        from flytekit.core.type_engine import TypeEngine
        from flytekit.models.literals import Literal

        self.version = importlib.metadata.version("flytekit")
        self._ctx = FlyteContextManager.current_context()
        self._te, self._pb, self._model = TypeEngine, literals_pb2, Literal

    def literal_type(self, t) -> bytes:
        return self._te.to_literal_type(t).to_flyte_idl().SerializeToString(deterministic=True)

    def to_literal(self, v, t) -> bytes:
        lt = self._te.to_literal_type(t)
        return self._te.to_literal(self._ctx, v, t, lt).to_flyte_idl().SerializeToString(deterministic=True)

    def to_python(self, data: bytes, t):
        pb = self._pb.Literal()
        pb.ParseFromString(data)
        return self._te.to_python_value(self._ctx, self._model.from_flyte_idl(pb), t)


class Flyte2:
    name = "flyte2"

    def __init__(self) -> None:
        from flyte.types import TypeEngine
        from flyteidl2.core import literals_pb2

        self.version = importlib.metadata.version("flyte")
        self._te, self._pb = TypeEngine, literals_pb2

    def literal_type(self, t) -> bytes:
        return self._te.to_literal_type(t).SerializeToString(deterministic=True)

    def to_literal(self, v, t) -> bytes:
        lt = self._te.to_literal_type(t)
        return asyncio.run(self._te.to_literal(v, t, lt)).SerializeToString(deterministic=True)

    def to_python(self, data: bytes, t):
        pb = self._pb.Literal()
        pb.ParseFromString(data)
        return asyncio.run(self._te.to_python_value(pb, t))


def load(name: str):
    return {"flytekit": Flytekit, "flyte2": Flyte2}[name]()


def same(a, b) -> typing.Optional[str]:
    """None when `a` (what the SDK read) equals `b` (what the case holds), else a short description of the difference.
    Types must match exactly (an int is not a float, a bool not an int); NaN equals NaN; -0.0 is not 0.0; datetimes
    compare as instants, naive ones taken as UTC."""
    if isinstance(b, dt.datetime) and isinstance(a, dt.datetime):
        ua = a if a.tzinfo else a.replace(tzinfo=dt.timezone.utc)
        ub = b if b.tzinfo else b.replace(tzinfo=dt.timezone.utc)
        return None if ua == ub else f"{a!r} != {b!r}"
    if type(a) is not type(b):
        return f"{type(a).__name__} {a!r} != {type(b).__name__} {b!r}"
    if isinstance(a, float):
        if math.isnan(a) and math.isnan(b):
            return None
        return None if a == b and math.copysign(1, a) == math.copysign(1, b) else f"{a!r} != {b!r}"
    if isinstance(a, list):
        if len(a) != len(b):
            return f"list of {len(a)} != list of {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = same(x, y)
            if d:
                return f"[{i}]: {d}"
        return None
    if isinstance(a, dict):
        if set(a) != set(b):
            return f"keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = same(a[k], b[k])
            if d:
                return f"[{k!r}]: {d}"
        return None
    if isinstance(a, enum.Enum) or a is None:
        return None if a == b else f"{a!r} != {b!r}"
    return None if a == b else f"{a!r} != {b!r}"
