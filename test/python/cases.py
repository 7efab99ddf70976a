"""The interop case matrix: Python types and values, the TypeScript schema that matches each, and the value in a
neutral JSON form both sides understand.

Neutral values are plain JSON plus {"$int": "…"} for integers beyond 2^53, {"$float": "nan"|"inf"|"-inf"|"-0"},
{"$ts": [seconds, nanos]} for datetimes and {"$dur": [seconds, nanos]} for durations. test/schemas.ts maps schema ids
to zod schemas. Where the two SDKs differ by design (Flyte 2 writes enum members by name, flytekit by value), a case
gives a `PerSdk` schema and value.
"""
import datetime as dt
import enum
import typing
from dataclasses import dataclass

UTC = dt.timezone.utc
SDKS = ("flytekit", "flyte2")


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


class Mode(enum.Enum):
    fast = "fast"
    exact = "exact"


@dataclass(frozen=True)
class PerSdk:
    flytekit: typing.Any
    flyte2: typing.Any

    def get(self, sdk: str):
        return getattr(self, sdk)


@dataclass(frozen=True)
class Case:
    name: str
    py_type: typing.Any
    value: typing.Any
    schema: typing.Union[str, PerSdk]
    neutral: typing.Any
    sdks: typing.Tuple[str, ...] = SDKS
    env: typing.Dict[str, str] = None  # type: ignore[assignment]  # environment while the SDK writes the literal
    expect_error: typing.Optional[str] = None  # both sides must refuse the value (e.g. "ambiguous")

    def schema_for(self, sdk: str) -> str:
        return self.schema.get(sdk) if isinstance(self.schema, PerSdk) else self.schema

    def neutral_for(self, sdk: str):
        return self.neutral.get(sdk) if isinstance(self.neutral, PerSdk) else self.neutral


def ts(d: dt.datetime):
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    delta = d - dt.datetime(1970, 1, 1, tzinfo=UTC)
    return {"$ts": [str(delta.days * 86400 + delta.seconds), delta.microseconds * 1000]}


def dur(t: dt.timedelta):
    total_us = (t.days * 86400 + t.seconds) * 1_000_000 + t.microseconds
    sign = -1 if total_us < 0 else 1
    s, us = divmod(abs(total_us), 1_000_000)
    return {"$dur": [str(sign * s), sign * us * 1000]}


def big(i: int):
    return {"$int": str(i)}


def _dt(*a, tz=UTC):
    return dt.datetime(*a, tzinfo=tz)


L, D, O, U = typing.List, typing.Dict, typing.Optional, typing.Union
NAN, INF = float("nan"), float("inf")

CASES = [
    # integers
    Case("int", int, 42, "int", 42),
    Case("int_zero", int, 0, "int", 0),
    Case("int_one", int, 1, "int", 1),
    Case("int_negative", int, -1, "int", -1),
    Case("int_max_safe", int, 2**53 - 1, "int", 2**53 - 1),
    Case("int_min_safe", int, -(2**53 - 1), "int", -(2**53 - 1)),
    Case("int_beyond_safe", int, 2**53 + 1, "bigint", big(2**53 + 1)),
    Case("int64_max", int, 2**63 - 1, "bigint", big(2**63 - 1)),
    Case("int64_min", int, -(2**63), "bigint", big(-(2**63))),
    Case("bigint_small", int, 7, "bigint", big(7)),
    # floats
    Case("float", float, 3.14, "float", 3.14),
    Case("float_zero", float, 0.0, "float", 0),
    Case("float_negative_zero", float, -0.0, "float", {"$float": "-0"}),
    Case("float_integral", float, 2.0, "float", 2),
    Case("float_negative", float, -2.5, "float", -2.5),
    Case("float_max", float, 1.7976931348623157e308, "float", 1.7976931348623157e308),
    Case("float_min_subnormal", float, 5e-324, "float", 5e-324),
    Case("float_tenth", float, 0.1, "float", 0.1),
    Case("float_nan", float, NAN, "float", {"$float": "nan"}),
    Case("float_inf", float, INF, "float", {"$float": "inf"}),
    Case("float_neg_inf", float, -INF, "float", {"$float": "-inf"}),
    # booleans and strings
    Case("bool_true", bool, True, "bool", True),
    Case("bool_false", bool, False, "bool", False),
    Case("str", str, "hello", "str", "hello"),
    Case("str_empty", str, "", "str", ""),
    Case("str_unicode", str, "héllo ✓ 𝄞", "str", "héllo ✓ 𝄞"),
    Case("str_nul_and_newlines", str, "a\x00b\nc\r\n", "str", "a\x00b\nc\r\n"),
    Case("str_long", str, "x" * 5000, "str", "x" * 5000),
    Case("str_bom", str, "\ufeffbom", "str", "\ufeffbom"),
    # datetimes
    Case("datetime_epoch", dt.datetime, _dt(1970, 1, 1), "date", ts(_dt(1970, 1, 1))),
    Case("datetime_utc_ms", dt.datetime, _dt(2024, 1, 2, 3, 4, 5, 678000), "date", ts(_dt(2024, 1, 2, 3, 4, 5, 678000))),
    Case("datetime_naive", dt.datetime, dt.datetime(2024, 1, 2, 3, 4, 5), "date", ts(_dt(2024, 1, 2, 3, 4, 5))),
    Case("datetime_plus2", dt.datetime, _dt(2024, 1, 2, 3, 4, 5, tz=dt.timezone(dt.timedelta(hours=2))), "date", ts(_dt(2024, 1, 2, 1, 4, 5))),
    Case("datetime_micro", dt.datetime, _dt(2024, 1, 2, 3, 4, 5, 678901), "timestamp", ts(_dt(2024, 1, 2, 3, 4, 5, 678901))),
    Case("datetime_pre_epoch", dt.datetime, _dt(1969, 12, 31, 23, 59, 59, 500000), "timestamp", ts(_dt(1969, 12, 31, 23, 59, 59, 500000))),
    Case("datetime_pre_epoch_date", dt.datetime, _dt(1900, 6, 1, 12), "date", ts(_dt(1900, 6, 1, 12))),
    Case("datetime_year_1", dt.datetime, _dt(1, 1, 1), "timestamp", ts(_dt(1, 1, 1))),
    Case("datetime_year_9999", dt.datetime, _dt(9999, 12, 31, 23, 59, 59, 999999), "timestamp", ts(_dt(9999, 12, 31, 23, 59, 59, 999999))),
    Case("datetime_leap_day", dt.datetime, _dt(2024, 2, 29, 12), "date", ts(_dt(2024, 2, 29, 12))),
    # durations
    Case("timedelta", dt.timedelta, dt.timedelta(days=1, seconds=2, microseconds=3), "duration", dur(dt.timedelta(days=1, seconds=2, microseconds=3))),
    Case("timedelta_zero", dt.timedelta, dt.timedelta(0), "duration", dur(dt.timedelta(0))),
    Case("timedelta_negative", dt.timedelta, dt.timedelta(seconds=-1, microseconds=-500000), "duration", dur(dt.timedelta(seconds=-1, microseconds=-500000))),
    Case("timedelta_negative_micro", dt.timedelta, dt.timedelta(microseconds=-1), "duration", dur(dt.timedelta(microseconds=-1))),
    Case("timedelta_large", dt.timedelta, dt.timedelta(days=3650), "duration", dur(dt.timedelta(days=3650))),
    # none
    Case("none", type(None), None, "null", None),
    # lists
    Case("list_int", L[int], [1, 2, 3], "list_int", [1, 2, 3]),
    Case("list_empty", L[str], [], "list_str", []),
    Case("list_str", L[str], ["a", "", "é"], "list_str", ["a", "", "é"]),
    Case("list_float", L[float], [0.5, -1.25, INF], "list_float", [0.5, -1.25, {"$float": "inf"}]),
    Case("list_bool", L[bool], [True, False], "list_bool", [True, False]),
    Case("list_nested", L[L[int]], [[1], [], [2, 3]], "list_list_int", [[1], [], [2, 3]]),
    Case("list_nested_empty", L[L[str]], [[]], "list_list_str", [[]]),
    Case("list_datetime", L[dt.datetime], [_dt(2020, 1, 1), _dt(1960, 1, 1)], "list_date", [ts(_dt(2020, 1, 1)), ts(_dt(1960, 1, 1))]),
    Case("list_optional_int", L[O[int]], [1, None, 3], "list_opt_int", [1, None, 3]),
    Case("list_union", L[U[str, int]], ["a", 1], "list_str_or_int", ["a", 1]),
    Case("list_of_dicts", L[D[str, int]], [{"a": 1}, {}], "list_dict_int", [{"a": 1}, {}]),
    # maps
    Case("dict_str_int", D[str, int], {"a": 1, "b": 2}, "dict_int", {"a": 1, "b": 2}),
    Case("dict_numeric_keys", D[str, int], {"10": 1, "2": 2, "a": 3}, "dict_int", {"10": 1, "2": 2, "a": 3}),
    Case("dict_unicode_keys", D[str, str], {"é": "1", "𝄞": "2", "": "3"}, "dict_str", {"é": "1", "𝄞": "2", "": "3"}),
    Case("dict_empty", D[str, int], {}, "dict_int", {}),
    Case("dict_list_float", D[str, L[float]], {"x": [1.5, -0.5], "y": []}, "dict_list_float", {"x": [1.5, -0.5], "y": []}),
    Case("dict_nested", D[str, D[str, bool]], {"a": {"b": True}}, "dict_dict_bool", {"a": {"b": True}}),
    Case("dict_optional_values", D[str, O[str]], {"a": "x", "b": None}, "dict_opt_str", {"a": "x", "b": None}),
    Case("dict_of_durations", D[str, dt.timedelta], {"t": dt.timedelta(minutes=5)}, "dict_duration", {"t": dur(dt.timedelta(minutes=5))}),
    # optionals and unions
    Case("optional_int_value", O[int], 3, "opt_int", 3),
    Case("optional_int_none", O[int], None, "opt_int", None),
    Case("optional_str_value", O[str], "s", "opt_str", "s"),
    Case("optional_str_none", O[str], None, "opt_str", None),
    Case("optional_float_integral", O[float], 2.0, "opt_float", 2),
    Case("optional_list_value", O[L[int]], [1], "opt_list_int", [1]),
    Case("optional_list_none", O[L[int]], None, "opt_list_int", None),
    Case("union_int_str_str", U[int, str], "x", "int_or_str", "x"),
    Case("union_int_str_int", U[int, str], 7, "int_or_str", 7),
    Case("union_int_float_int", U[int, float], 1, "int_or_float", 1),
    Case("union_int_float_float", U[int, float], 1.5, "int_or_float", 1.5),
    Case("union_float_str_float", U[float, str], 2.5, "float_or_str", 2.5),
    Case("union_list_or_str_list", U[L[int], str], [1, 2], "list_int_or_str", [1, 2]),
    Case("union_list_or_str_str", U[L[int], str], "s", "list_int_or_str", "s"),
    Case("union_dict_or_none", O[D[str, str]], {"k": "v"}, "opt_dict_str", {"k": "v"}),
    Case("union_bool_int_bool", U[int, bool], True, "int_or_bool", True),
    Case("union_bool_int_int", U[int, bool], 0, "int_or_bool", 0),
    Case("union_datetime_str", U[dt.datetime, str], _dt(2024, 5, 6), "date_or_str", ts(_dt(2024, 5, 6))),
    Case("union_timedelta_none", O[dt.timedelta], dt.timedelta(seconds=90), "opt_duration", dur(dt.timedelta(seconds=90))),
    Case("union_three", U[int, str, None], "t", "int_or_str_or_none", "t"),
    Case("union_none_first", U[None, str], "s", "none_or_str", "s"),
    # enums
    Case("enum", Color, Color.GREEN, PerSdk("color", "color_names"), PerSdk("green", "GREEN")),
    Case("enum_first", Color, Color.RED, PerSdk("color", "color_names"), PerSdk("red", "RED")),
    Case("enum_names_equal_values", Mode, Mode.exact, "mode", "exact"),
    Case("list_enum", L[Color], [Color.RED, Color.BLUE], PerSdk("list_color", "list_color_names"), PerSdk(["red", "blue"], ["RED", "BLUE"])),
    Case("optional_enum", O[Mode], Mode.fast, "opt_mode", "fast"),
]

from struct_cases import STRUCT_CASES  # noqa: E402  (records need the helpers above)

CASES += STRUCT_CASES

# issue 17: JSON Schema forms — an enum keeps its declaration order even for integer-like values.
from struct_cases import IntLike  # noqa: E402

CASES += [
    Case("enum_int_like", IntLike, IntLike.A, PerSdk("int_like", "int_like_names"), PerSdk("b", "A")),
]

# issue 17: value-level classes — untyped values inside maps, numbers whose msgpack form (int or float) picks the
# union variant, non-finite floats in records that zod validates, and the form Python gives Dict[int, T].
import pydantic  # noqa: E402


class PDictOfDicts(pydantic.BaseModel):
    dd: D[str, dict]


class PIntOrFloat(pydantic.BaseModel):
    u: U[int, float]


@dataclass
class DIntOrFloat:
    u: U[int, float]


class PNumbers(pydantic.BaseModel):
    l: L[U[int, float]]
    m: D[str, U[int, float]]


class PIntOrTimedelta(pydantic.BaseModel):
    u: U[int, dt.timedelta]


@dataclass
class DIntOrTimedelta:
    u: U[int, dt.timedelta]


@dataclass
class DNonFinite:
    f: float
    u: U[float, str]
    n: int = 1


class PIntKeys(pydantic.BaseModel):
    m: D[int, str]
    n: O[D[int, L[dt.timedelta]]] = None


_TD = dt.timedelta(seconds=90.5)
_AT = _dt(2024, 1, 2, 3, 4, 5, 678000)

CASES += [
    # Dict[str, dict] is a map of STRUCTs; only a bare dict is one STRUCT.
    Case("dict_of_dicts", D[str, dict], {"a": {"x": 1, "y": [1, 2.5]}, "b": {}}, "dict_untyped_dict",
         {"a": {"x": 1, "y": [1, 2.5]}, "b": {}}),
    Case("union_str_dict_of_dicts", U[str, D[str, dict]], {"a": {"x": 1}}, "str_or_dict_untyped_dict", {"a": {"x": 1}}),
    Case("pyd_dict_of_dicts", PDictOfDicts, PDictOfDicts(dd={"a": {"x": 1}, "b": {}}), "p_dict_of_dicts",
         {"dd": {"a": {"x": 1}, "b": {}}}),
    # In msgpack an int is an int (2**32 is uint64, -2**31-1 int64) and a float a float, even 2.0.
    Case("pyd_int_or_float_uint64", PIntOrFloat, PIntOrFloat(u=2**32), "p_int_or_float", {"u": 2**32}),
    Case("pyd_int_or_float_int64", PIntOrFloat, PIntOrFloat(u=-(2**31) - 1), "p_int_or_float", {"u": -(2**31) - 1}),
    Case("pyd_bigint_or_float_float", PIntOrFloat, PIntOrFloat(u=2.0), "p_bigint_or_float", {"u": 2}),
    Case("pyd_bigint_or_float_int", PIntOrFloat, PIntOrFloat(u=2), "p_bigint_or_float", {"u": big(2)}),
    Case("dc_int_or_float_uint64", DIntOrFloat, DIntOrFloat(u=2**32), "d_int_or_float", {"u": 2**32}),
    Case("dc_bigint_or_float_float", DIntOrFloat, DIntOrFloat(u=-3.0), "d_bigint_or_float", {"u": -3}),
    Case("pyd_numbers", PNumbers, PNumbers(l=[1, 2.0, 2**40, 0.5], m={"a": 2.0, "b": 3}), "p_numbers",
         {"l": [big(1), 2, big(2**40), 0.5], "m": {"a": 2, "b": big(3)}}),
    # Python never writes a timedelta as a msgpack int (dataclasses: float seconds; pydantic: an ISO string).
    Case("pyd_int_or_timedelta_int", PIntOrTimedelta, PIntOrTimedelta(u=5), "p_int_or_timedelta", {"u": 5}),
    Case("pyd_int_or_timedelta_td", PIntOrTimedelta, PIntOrTimedelta(u=dt.timedelta(seconds=5)), "p_int_or_timedelta",
         {"u": dur(dt.timedelta(seconds=5))}),
    Case("dc_int_or_timedelta_int", DIntOrTimedelta, DIntOrTimedelta(u=5), "d_int_or_timedelta", {"u": 5}),
    Case("dc_int_or_timedelta_td", DIntOrTimedelta, DIntOrTimedelta(u=dt.timedelta(seconds=5)), "d_int_or_timedelta",
         {"u": dur(dt.timedelta(seconds=5))}),
    # A record with a default is checked by zod, whose z.number() refuses what Python's float holds. (pydantic
    # writes non-finite floats as null and cannot read them back, so these are dataclasses; NaN is in the unit tests,
    # as a model holding NaN never equals itself.)
    Case("dc_non_finite", DNonFinite, DNonFinite(f=INF, u=-INF), "d_non_finite",
         {"f": {"$float": "inf"}, "u": {"$float": "-inf"}, "n": 1}),
    # Outside a record Dict[int, T] is written as mashumaro writes it: isoformat() datetimes, float seconds.
    Case("dict_int_timedelta", D[int, dt.timedelta], {1: _TD, 2: -_TD}, "int_key_dict_duration",
         {"1": dur(_TD), "2": dur(-_TD)}),
    Case("dict_int_datetime", D[int, dt.datetime], {1: _AT}, "int_key_dict_timestamp", {"1": ts(_AT)}),
    # Inside a pydantic model it goes through JSON: string keys, and no propertyNames in the schema.
    Case("pyd_int_keys", PIntKeys, PIntKeys(m={1: "a", -2: "b"}, n={3: [dt.timedelta(seconds=1.5)]}), "p_int_keys",
         {"m": {"1": "a", "-2": "b"}, "n": {"3": [dur(dt.timedelta(seconds=1.5))]}}),
    Case("pyd_int_keys_none", PIntKeys, PIntKeys(m={}), "p_int_keys", {"m": {}, "n": None}),
]
