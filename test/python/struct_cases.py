"""Record cases: pydantic models and dataclasses (flytekit 1.16 and Flyte 2), untyped dicts, int-keyed dicts,
typing.Literal, unions of records and the legacy Struct form. Names start with `pyd_` (pydantic), `dc_` (dataclass)
or `rec_` (records inside containers), so KNOWN_DIFFERENCES.md can speak of them as groups."""
import datetime as dt
import typing
from dataclasses import dataclass

import pydantic
from mashumaro.mixins.json import DataClassJSONMixin

from cases import Case, Color, PerSdk, UTC, dur, ts

L, D, O, U = typing.List, typing.Dict, typing.Optional, typing.Union


class PInner(pydantic.BaseModel):
    x: int
    y: str = "d"


class PSimple(pydantic.BaseModel):
    i: int
    f: float
    s: str
    b: bool
    l: L[int]


class PNested(pydantic.BaseModel):
    name: str
    inner: PInner
    inners: L[PInner]
    by_key: D[str, PInner]


class POpt(pydantic.BaseModel):
    a: O[int] = None
    inner: O[PInner] = None


class PEnum(pydantic.BaseModel):
    c: Color
    cs: L[Color]


class PTime(pydantic.BaseModel):
    at: dt.datetime
    took: dt.timedelta


class PMisc(pydantic.BaseModel):
    mode: typing.Literal["a", "b"]
    u: U[int, str]
    d: D[str, float]
    raw: dict
    big: int


@dataclass
class DA:
    a: int


@dataclass
class DB:
    b: str


@dataclass
class DA2:
    a: int


@dataclass
class DInner:
    x: int
    y: str = "d"


@dataclass
class DSimple:
    i: int
    f: float
    s: str
    b: bool
    l: L[int]


@dataclass
class DNested:
    inner: DInner
    items: L[DInner]


@dataclass
class DOpt:
    a: O[int] = None


@dataclass
class DTime:
    at: dt.datetime
    took: dt.timedelta


@dataclass
class DIntKeys:
    m: D[int, str]


@dataclass
class DJson(DataClassJSONMixin):
    m: D[int, str]


AT = dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
TOOK = dt.timedelta(days=1, seconds=2, microseconds=3)
UNTYPED = {"a": 1, "b": [1, 2.5], "c": {"d": None}, "e": True, "f": "s"}

STRUCT_CASES = [
    Case("pyd_simple", PSimple, PSimple(i=1, f=2.0, s="x", b=True, l=[1, 2]), "p_simple",
         {"i": 1, "f": 2, "s": "x", "b": True, "l": [1, 2]}),
    Case("pyd_nested", PNested, PNested(name="n", inner=PInner(x=1), inners=[PInner(x=2, y="z")], by_key={"k": PInner(x=3)}),
         "p_nested", {"name": "n", "inner": {"x": 1, "y": "d"}, "inners": [{"x": 2, "y": "z"}], "by_key": {"k": {"x": 3, "y": "d"}}}),
    Case("pyd_optional_none", POpt, POpt(), "p_opt", {"a": None, "inner": None}),
    Case("pyd_optional_value", POpt, POpt(a=5, inner=PInner(x=1)), "p_opt", {"a": 5, "inner": {"x": 1, "y": "d"}}),
    Case("pyd_enum", PEnum, PEnum(c=Color.GREEN, cs=[Color.RED]), PerSdk("p_enum", "p_enum_names"),
         PerSdk({"c": "green", "cs": ["red"]}, {"c": "GREEN", "cs": ["RED"]})),
    Case("pyd_time", PTime, PTime(at=AT, took=TOOK), "p_time", {"at": ts(AT), "took": dur(TOOK)}),
    Case("pyd_time_negative", PTime, PTime(at=dt.datetime(1969, 7, 20, 20, 17, tzinfo=UTC), took=dt.timedelta(seconds=-90.5)),
         "p_time", {"at": ts(dt.datetime(1969, 7, 20, 20, 17, tzinfo=UTC)), "took": dur(dt.timedelta(seconds=-90.5))}),
    Case("pyd_misc", PMisc, PMisc(mode="b", u="s", d={"k": 1.0}, raw=UNTYPED, big=2**62), "p_misc",
         {"mode": "b", "u": "s", "d": {"k": 1}, "raw": UNTYPED, "big": {"$int": str(2**62)}}),
    Case("dc_simple", DSimple, DSimple(i=1, f=2.0, s="x", b=True, l=[1, 2]), "d_simple",
         {"i": 1, "f": 2, "s": "x", "b": True, "l": [1, 2]}),
    Case("dc_nested", DNested, DNested(inner=DInner(x=1), items=[DInner(x=2, y="z")]), "d_nested",
         {"inner": {"x": 1, "y": "d"}, "items": [{"x": 2, "y": "z"}]}),
    Case("dc_optional_none", DOpt, DOpt(), "d_opt", {"a": None}),
    Case("dc_optional_value", DOpt, DOpt(a=-7), "d_opt", {"a": -7}),
    Case("dc_time", DTime, DTime(at=AT, took=TOOK), "d_time", {"at": ts(AT), "took": dur(TOOK)}),
    Case("dc_int_keys", DIntKeys, DIntKeys(m={1: "a", -2: "b"}), "d_int_keys", {"m": {"1": "a", "-2": "b"}}),
    Case("dc_json_mixin", DJson, DJson(m={1: "a"}), "d_json", {"m": {"1": "a"}}),
    Case("dc_legacy_struct", DSimple, DSimple(i=3, f=0.5, s="", b=False, l=[]), "d_simple",
         {"i": 3, "f": 0.5, "s": "", "b": False, "l": []}, sdks=("flytekit",), env={"FLYTE_USE_OLD_DC_FORMAT": "true"}),
    Case("dict_untyped", dict, UNTYPED, "untyped_dict", UNTYPED),
    Case("dict_untyped_empty", dict, {}, "untyped_dict", {}),
    Case("dict_int_keys", D[int, str], {1: "a", 300: "b"}, "int_key_dict", {"1": "a", "300": "b"}),
    # Keys not in ascending order: a JS object holds them ascending, so the msgpack order differs (a listed difference).
    Case("dict_int_keys_unordered", D[int, str], {300: "b", 1: "a"}, "int_key_dict", {"300": "b", "1": "a"}),
    # Flyte 2 pickles typing.Literal.
    Case("literal_str", typing.Literal["a", "b"], "b", "literal_ab", "b", sdks=("flytekit",)),
    Case("rec_list", L[PInner], [PInner(x=1), PInner(x=2, y="q")], "list_p_inner", [{"x": 1, "y": "d"}, {"x": 2, "y": "q"}]),
    Case("rec_optional_none", O[PInner], None, "opt_p_inner", None),
    Case("rec_optional_value", O[PInner], PInner(x=4), "opt_p_inner", {"x": 4, "y": "d"}),
    # flytekit cannot write unions of pydantic models (every variant takes any model), so these are dataclasses.
    Case("rec_union_second", U[DA, DB], DB(b="x"), "d_a_or_b", {"b": "x"}),
    Case("rec_union_first", U[DA, DB], DA(a=1), "d_a_or_b", {"a": 1}),
    Case("rec_union_optional", O[U[DA, DB]], None, "d_a_or_b_or_none", None),
    # Flyte 2 writes the first variant; a JS object has no class to tell DA from DA2, so we refuse as flytekit does.
    Case("rec_union_ambiguous", U[DA, DA2], DA(a=1), "d_a_or_a2", {"a": 1}, expect_error="ambiguous", sdks=("flytekit",)),
]


# issue 17: JSON Schema forms — where mashumaro's and pydantic's schemas differ from each other, or in detail.
import enum  # noqa: E402
from dataclasses import field  # noqa: E402


@dataclass
class DFactory:
    n: int
    xs: L[int] = field(default_factory=list)
    m: D[str, int] = field(default_factory=dict)


class PFactory(pydantic.BaseModel):
    n: int
    xs: L[int] = pydantic.Field(default_factory=list)
    m: D[str, int] = pydantic.Field(default_factory=dict)


@dataclass
class DLiteral:
    one: typing.Literal["a"]
    two: typing.Literal["a", "b"]
    num: typing.Literal[1]
    opt: O[typing.Literal["x"]] = None


class PLiteral(pydantic.BaseModel):
    one: typing.Literal["a"]
    two: typing.Literal["a", "b"]
    num: typing.Literal[1]


@dataclass
class DUntyped:
    raw: dict


@dataclass
class DEmpty:
    pass


class PEmpty(pydantic.BaseModel):
    pass


# Integer-like values, which a JS object would put first.
IntLike = enum.Enum("IntLike", {"A": "b", "B": "1"})


@dataclass
class DIntLike:
    e: IntLike


class PIntLike(pydantic.BaseModel):
    e: IntLike


@dataclass
class DNoneOrder:
    a: U[None, int]
    b: U[int, None, str]


class PNoneOrder(pydantic.BaseModel):
    a: U[None, int]
    b: U[int, None, str]


STRUCT_CASES += [
    Case("dc_default_factory", DFactory, DFactory(n=1, xs=[2]), "d_factory", {"n": 1, "xs": [2], "m": {}}),
    Case("pyd_default_factory", PFactory, PFactory(n=1, m={"k": 3}), "p_factory", {"n": 1, "xs": [], "m": {"k": 3}}),
    Case("dc_literal_single", DLiteral, DLiteral(one="a", two="b", num=1, opt="x"), "d_literal",
         {"one": "a", "two": "b", "num": 1, "opt": "x"}),
    Case("pyd_literal_single", PLiteral, PLiteral(one="a", two="b", num=1), "p_literal", {"one": "a", "two": "b", "num": 1}),
    Case("dc_untyped_dict", DUntyped, DUntyped(raw={"a": 1}), "d_untyped", {"raw": {"a": 1}}),
    Case("dc_empty", DEmpty, DEmpty(), "d_empty", {}),
    Case("pyd_empty", PEmpty, PEmpty(), "p_empty", {}),
    # Flyte 2 writes an enum by name inside a pydantic model, by value inside a dataclass.
    Case("dc_enum_int_like", DIntLike, DIntLike(e=IntLike.B), "d_int_like", {"e": "1"}),
    Case("pyd_enum_int_like", PIntLike, PIntLike(e=IntLike.B), PerSdk("p_int_like", "p_int_like_names"),
         PerSdk({"e": "1"}, {"e": "B"})),
    Case("dc_none_order", DNoneOrder, DNoneOrder(a=None, b="s"), "d_none_order", {"a": None, "b": "s"}),
    Case("pyd_none_order", PNoneOrder, PNoneOrder(a=3, b=None), "p_none_order", {"a": 3, "b": None}),
    # A union literal embeds its variant's type, and with it the record's `structure` (see KNOWN_DIFFERENCES.md).
    Case("rec_in_optional_list", O[L[PInner]], [PInner(x=1)], "opt_list_p_inner", [{"x": 1, "y": "d"}]),
    Case("rec_in_optional_dict", O[D[str, PInner]], {"k": PInner(x=2)}, "opt_dict_p_inner", {"k": {"x": 2, "y": "d"}}),
]
