"""Random interop cases: a Python type tree (depth ≤ 3) and a value drawn from a seed, with the JSON description of the
type that test/support/random-schema-cases.ts turns into a zod schema, and the value in the neutral JSON form of
cases.py. Case i of seed s depends on (s, i) alone, so a saved failing case replays without the others.

Type description nodes ({"k": kind, ...}): int, bigint (an int type whose values go beyond 2**53), float, str, bool,
datetime, timedelta, none, list/dict/intdict {"of": T}, untyped (a bare dict), union {"of": [T, ...]} (declaration
order, None included), enum {"name", "members": [[name, value], ...], "title": bool}, literal {"values": [...]}, record
{"style": "dataclass"|"pydantic", "name", "fields": [{"name", "type", "default"?: neutral, "factory"?: "list"|"dict"}]}.
A case's datetimes are all JS Dates (millisecond values) or all timestamp() values: its "dates" says which.
"""
import dataclasses
import hashlib
import datetime as dt
import enum
import math
import random
import typing

import pydantic

from cases import big, dur, ts
from random_forms import align, contains, describe, sdk_form, variant_of  # noqa: F401  (re-exported)

UTC = dt.timezone.utc
INTS = [0, 1, -1, 42, 2**31, -(2**31) - 1, 2**32, 2**53 - 1, -(2**53 - 1), 10**15]
BIGINTS = [2**53 + 1, -(2**53 + 1), 2**53, 2**63 - 1, -(2**63), 7, 0]
FLOATS = [0.0, -0.0, 1.5, -2.5, 0.1, 2.0, 1e300, 1.7976931348623157e308, 5e-324, float("nan"), float("inf"), float("-inf")]
STRS = ["", "a", "héllo ✓ 𝄞", "a\x00b", "\ufeffbom", "\n\r\t", "x" * 300, "1", "true", "null", "2024-01-02T03:04:05"]
KEYS = ["", "a", "k", "é", "𝄞", "10", "2", "__proto__", "a.b", "with space"]
INT_KEYS = [0, 1, -2, 300, 2**31, -(2**40)]
FIELD_NAMES = ["a", "b", "x", "name", "value", "items", "c_d", "n2"]
LITERALS = ["c", "a", "é", "", "b"]
ENUM_VALUES = ["red", "green", "blue", "1", "b", "é", "with space", "A"]
DATES = [dt.datetime(1970, 1, 1), dt.datetime(2024, 2, 29, 12), dt.datetime(1969, 12, 31, 23, 59, 59),
         dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59), dt.datetime(1900, 6, 1, 12)]
TDS = [dt.timedelta(0), dt.timedelta(microseconds=-1), dt.timedelta(days=1, seconds=2, microseconds=3),
       dt.timedelta(seconds=-90.5), dt.timedelta(days=3650), dt.timedelta(minutes=5)]
LEAVES = ["int", "bigint", "float", "str", "bool", "datetime", "timedelta"]
# What a union's variants must not share: values of one group could be taken for another (in Python or in JS).
GROUP = {"int": "num", "bigint": "num", "float": "num", "str": "str", "enum": "str", "literal": "str",
         "bool": "bool", "list": "list", "dict": "obj", "intdict": "obj", "untyped": "obj", "record": "obj",
         "timedelta": "obj", "datetime": "obj", "union": "union"}


def groups_of(kind: str, style: typing.Optional[str]) -> typing.FrozenSet[str]:
    """A union variant's groups: a JS number cannot say int or float (2.0), JS objects (records, dicts, timestamps
    and durations) look alike, and inside records times travel as what they are written as: a pydantic model writes
    datetimes and timedeltas as ISO strings, a dataclass datetimes as isoformat() and timedeltas as float seconds."""
    wire = {("pydantic", "datetime"): "str", ("pydantic", "timedelta"): "str", ("dataclass", "datetime"): "str",
            ("dataclass", "timedelta"): "num"}.get((style, kind))
    return frozenset([GROUP[kind]] + ([wire] if wire else []))


class Gen:
    """Draws one case's type and value; `n` numbers the classes it makes so that their names are unique."""

    def __init__(self, seed: int, index: int) -> None:
        self.r = random.Random(f"{seed}:{index}")
        self.prefix = f"S{seed}I{index}"
        self.n = 0
        self.dates = self.r.choice(["date", "timestamp"])

    def name(self, kind: str) -> str:
        self.n += 1
        return f"{kind}{self.prefix}N{self.n}"

    # ---- types: (python type, description) ----

    def type(self, depth: int, style: typing.Optional[str] = None, avoid: typing.FrozenSet[str] = frozenset()):
        """A type at nesting `depth` (3 = leaves only). `style` is the enclosing record's style, `avoid` the groups a
        union already holds."""
        r = self.r
        kinds = [k for k in LEAVES + ["enum", "literal"] if not groups_of(k, style) & avoid]
        if depth < 3:
            kinds += [k for k in ["list", "dict", "intdict", "untyped", "union", "record"]
                      if not groups_of(k, style) & avoid]
            if depth == 0:
                kinds += ["list", "union", "record", "dict"] * 2  # more structure at the top
        k = r.choice(kinds)
        if k in LEAVES:
            return {"int": int, "bigint": int, "float": float, "str": str, "bool": bool, "datetime": dt.datetime,
                    "timedelta": dt.timedelta}[k], {"k": k}
        if k == "enum":
            values = r.sample(ENUM_VALUES, r.randint(1, 3))
            members = [(f"M{i}" if r.random() < 0.7 else v.upper().replace(" ", "_").replace("1", "ONE"), v)
                       for i, v in enumerate(values)]
            members = [(m if m.isidentifier() else f"M{i}", v) for i, (m, v) in enumerate(members)]
            name = self.name("E")
            cls = enum.Enum(name, members, module=__name__)
            globals()[name] = cls  # mashumaro and pickle look classes up by module and name
            return cls, {"k": "enum", "name": name, "members": [list(m) for m in members]}
        if k == "literal":
            # typing caches Literal["b", "a"] as equal to an earlier Literal["a", "b"] (and List[...] of either), so a
            # set of values always comes in one order: LITERALS'.
            chosen = r.sample(LITERALS, r.randint(1, 3))
            values = [v for v in LITERALS if v in chosen]
            return typing.Literal[tuple(values)], {"k": "literal", "values": values}
        if k == "list":
            t, d = self.type(depth + 1, style)
            return typing.List[t], {"k": "list", "of": d}
        if k == "dict":
            t, d = self.type(depth + 1, style)
            return typing.Dict[str, t], {"k": "dict", "of": d}
        if k == "intdict":  # outside records written through mashumaro, as in a dataclass
            t, d = self.type(depth + 1, style or "dataclass")
            return typing.Dict[int, t], {"k": "intdict", "of": d}
        if k == "untyped":
            return dict, {"k": "untyped"}
        if k == "union":
            return self.union(depth, style)
        return self.record(depth, style or r.choice(["dataclass", "pydantic"]))

    def union(self, depth: int, style):
        r = self.r
        variants, groups = [], set()
        for _ in range(r.randint(1 if r.random() < 0.5 else 2, 3)):
            t, d = self.type(depth + 1 if depth < 2 else 3, style, frozenset(groups | {"union"}))
            if d["k"] == "union":
                continue
            g = groups_of(d["k"], style)
            # Only one record per union: flytekit cannot tell pydantic models apart, JS objects have no class.
            if g & groups:
                continue
            groups |= g
            variants.append((t, d))
        if len(variants) == 1 or r.random() < 0.5:
            variants.insert(r.randint(0, len(variants)), (type(None), {"k": "none"}))
        if len(variants) == 1:
            variants.append((str, {"k": "str"}) if "str" not in groups else (bool, {"k": "bool"}))
        # typing takes Union[A, B] for an equal, earlier Union[B, A] inside List[...], Dict[...] (its caches compare
        # unions as sets), so a set of variants always comes in one order, pseudo-random but fixed.
        variants.sort(key=lambda v: hashlib.sha1(repr(v[0]).encode()).hexdigest())
        return typing.Union[tuple(t for t, _ in variants)], {"k": "union", "of": [d for _, d in variants]}

    def record(self, depth: int, style: str):
        r = self.r
        names = r.sample(FIELD_NAMES, r.randint(0 if r.random() < 0.1 else 1, 4))
        required, defaulted = [], []
        for fname in names:
            t, d = self.type(min(depth + 1, 3), style)
            f = {"name": fname, "type": d}
            spec = None
            if r.random() < 0.35:
                if d["k"] in ("int", "float", "str", "bool"):
                    v = self.value(d)
                    if d["k"] == "float" and not math.isfinite(v):
                        v = 0.5
                    f["default"] = self.neutral(d, v, "flytekit", style)
                    spec = ("value", v)
                elif d["k"] in ("list", "dict"):
                    f["factory"] = d["k"]
                    spec = ("factory", list if d["k"] == "list" else dict)
                elif d["k"] == "union" and {"k": "none"} in d["of"]:
                    f["default"] = None
                    spec = ("value", None)
            (defaulted if spec else required).append((fname, t, spec, f))
        fields = required + defaulted  # a dataclass wants the defaulted fields last
        name = self.name("R")
        if style == "dataclass":
            dc_fields = []
            for fname, t, spec, _ in fields:
                if spec is None:
                    dc_fields.append((fname, t))
                elif spec[0] == "value":
                    dc_fields.append((fname, t, dataclasses.field(default=spec[1])))
                else:
                    dc_fields.append((fname, t, dataclasses.field(default_factory=spec[1])))
            cls = dataclasses.make_dataclass(name, dc_fields)
        else:
            pyd = {}
            for fname, t, spec, _ in fields:
                if spec is None:
                    pyd[fname] = (t, ...)
                elif spec[0] == "value":
                    pyd[fname] = (t, spec[1])
                else:
                    pyd[fname] = (t, pydantic.Field(default_factory=spec[1]))
            cls = pydantic.create_model(name, **pyd)
        cls.__module__ = __name__
        globals()[name] = cls  # mashumaro and pickle look classes up by module and name
        return cls, {"k": "record", "style": style, "name": name, "fields": [f for *_, f in fields]}

    # ---- values ----

    def value(self, d, t=None):
        r, k = self.r, d["k"]
        if k == "int":
            return r.choice(INTS) if r.random() < 0.6 else r.randint(-(10**6), 10**6)
        if k == "bigint":
            return r.choice(BIGINTS) if r.random() < 0.7 else r.randint(-(2**63), 2**63 - 1)
        if k == "float":
            return r.choice(FLOATS) if r.random() < 0.6 else r.uniform(-1e6, 1e6)
        if k == "str":
            return r.choice(STRS) if r.random() < 0.7 else "".join(r.choice("abcé𝄞 ") for _ in range(r.randint(0, 8)))
        if k == "bool":
            return r.random() < 0.5
        if k == "datetime":
            base = r.choice(DATES) if r.random() < 0.4 else dt.datetime(1970, 1, 1) + dt.timedelta(
                seconds=r.randint(-(10**9), 4 * 10**9))
            us = r.choice([0, 1, 500000, 678901, 999999, r.randint(0, 999999)])
            if self.dates == "date":
                us = us // 1000 * 1000
            return base.replace(microsecond=us, tzinfo=UTC)
        if k == "timedelta":
            return r.choice(TDS) if r.random() < 0.5 else dt.timedelta(microseconds=r.randint(-(10**12), 10**12))
        if k == "none":
            return None
        if k == "enum":
            return t[r.choice(d["members"])[0]]
        if k == "literal":
            return r.choice(d["values"])
        if k == "list":
            return [self.value(d["of"], typing.get_args(t)[0]) for _ in range(r.randint(0, 3))]
        if k == "dict":
            return {key: self.value(d["of"], typing.get_args(t)[1]) for key in r.sample(KEYS, r.randint(0, 3))}
        if k == "intdict":
            return {key: self.value(d["of"], typing.get_args(t)[1]) for key in r.sample(INT_KEYS, r.randint(0, 3))}
        if k == "untyped":
            return self.untyped(0)
        if k == "union":
            i = r.randrange(len(d["of"]))
            return self.value(d["of"][i], typing.get_args(t)[i])
        # record: every field gets a value, except a defaulted one now and then
        hints = typing.get_type_hints(t)
        kwargs = {}
        for f in d["fields"]:
            if ("default" in f or "factory" in f) and r.random() < 0.4:
                continue
            kwargs[f["name"]] = self.value(f["type"], hints[f["name"]])
        return t(**kwargs)

    def untyped(self, depth: int):
        """JSON-like data; floats are never integral (JS cannot tell 2.0 from 2) and ints stay within 2**53."""
        r = self.r
        out = {}
        for key in r.sample(KEYS, r.randint(0, 3)):
            c = r.choice(["int", "float", "str", "bool", "none"] + (["list", "dict"] if depth < 2 else []))
            out[key] = {"int": lambda: r.choice(INTS[:6]), "float": lambda: r.choice([0.5, -1.25, 1e-7, 3.3]),
                        "str": lambda: r.choice(STRS[:6]), "bool": lambda: r.random() < 0.5, "none": lambda: None,
                        "list": lambda: [r.choice([1, "s", 0.5, None, True]) for _ in range(r.randint(0, 3))],
                        "dict": lambda: self.untyped(depth + 1)}[c]()
        return out

    # ---- neutral form ----

    def neutral(self, d, v, sdk: str, style: typing.Optional[str]):
        """`v` in the neutral JSON form, as `sdk` writes it: Flyte 2 writes enum members by name except inside a
        dataclass."""
        k = d["k"]
        if v is None:
            return None
        if k == "bigint":
            return big(v)
        if k == "float":
            if math.isnan(v):
                return {"$float": "nan"}
            if math.isinf(v):
                return {"$float": "inf" if v > 0 else "-inf"}
            return {"$float": "-0"} if v == 0 and math.copysign(1, v) < 0 else v
        if k == "datetime":
            return ts(v)
        if k == "timedelta":
            return dur(v)
        if k == "enum":
            return v.name if sdk == "flyte2" and style != "dataclass" else v.value
        if k == "list":
            return [self.neutral(d["of"], x, sdk, style) for x in v]
        if k == "dict":
            return {str(key): self.neutral(d["of"], x, sdk, style) for key, x in v.items()}
        if k == "intdict":  # outside records: msgpack through mashumaro, enums by value as in a dataclass
            return {str(key): self.neutral(d["of"], x, sdk, style or "dataclass") for key, x in v.items()}
        if k == "union":
            return self.neutral(d["of"][variant_of(d, v)], v, sdk, style)
        if k == "record":
            return {f["name"]: self.neutral(f["type"], getattr(v, f["name"]), sdk, d["style"]) for f in d["fields"]}
        return v  # int, str, bool, literal, untyped


def make_case(seed: int, index: int):
    """(name, python type, value, description, dates) of case `index` of `seed`."""
    # typing caches unions and generics: one built for an earlier case (Union[None, str]) can come back for this
    # one (Union[str, None]) and change how its value is drawn. Clearing them makes a case depend on (seed, index)
    # alone, whichever cases the process built before.
    for clear in getattr(typing, "_cleanups", ()):
        clear()
    g = Gen(seed, index)
    t, d = g.type(0)
    d = align(d, t)
    v = g.value(d, t)
    return f"s{seed}_{index}", t, v, d, g


def plain(v):
    """Records as dicts (with their class name), so that values compare field by field (NaN included)."""
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {"$class": type(v).__name__, **{f.name: plain(getattr(v, f.name)) for f in dataclasses.fields(v)}}
    if isinstance(v, pydantic.BaseModel):
        return {"$class": type(v).__name__, **{n: plain(getattr(v, n)) for n in type(v).model_fields}}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    return v


def jobs(args):
    """`seed:count` (cases 0…count-1) or `seed:=i,j,…` (those cases) → [(seed, indices)]."""
    out = []
    for a in args:
        seed, _, rest = a.partition(":")
        out.append((int(seed), range(int(rest)) if "," not in rest and not rest.startswith("=") else
                    [int(x) for x in rest.lstrip("=").split(",") if x]))
    return out
