"""The golden cases: Python types and values whose LiteralType and Literal bytes flytekit produces.

Each case names a TypeScript schema id (test/schemas.ts maps ids to zod schemas) and gives the value in a neutral
JSON form both sides understand: plain JSON, plus {"$int": "…"} for integers beyond 2^53, {"$float": "nan"|"inf"|
"-inf"}, {"$ts": [seconds, nanos]} for datetimes and {"$dur": [seconds, nanos]} for durations.
"""
import datetime as dt
import enum
import typing

UTC = dt.timezone.utc


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


def ts(d: dt.datetime):
    if d.tzinfo is None:
        d = d.replace(tzinfo=UTC)
    delta = d - dt.datetime(1970, 1, 1, tzinfo=UTC)
    secs = delta.days * 86400 + delta.seconds
    return {"$ts": [str(secs), delta.microseconds * 1000]}


def dur(t: dt.timedelta):
    total_us = (t.days * 86400 + t.seconds) * 1_000_000 + t.microseconds
    sign = -1 if total_us < 0 else 1
    s, us = divmod(abs(total_us), 1_000_000)
    return {"$dur": [str(sign * s), sign * us * 1000]}


def big(i: int):
    return {"$int": str(i)}


# (name, python type, python value, ts schema id, neutral value)
CASES = [
    ("int", int, 42, "int", 42),
    ("int_zero", int, 0, "int", 0),
    ("int_negative", int, -1, "int", -1),
    ("int_max_safe", int, 2**53 - 1, "int", 2**53 - 1),
    ("int64_max", int, 2**63 - 1, "bigint", big(2**63 - 1)),
    ("int64_min", int, -(2**63), "bigint", big(-(2**63))),
    ("float", float, 3.14, "float", 3.14),
    ("float_zero", float, 0.0, "float", 0.0),
    ("float_negative", float, -2.5, "float", -2.5),
    ("float_nan", float, float("nan"), "float", {"$float": "nan"}),
    ("float_inf", float, float("inf"), "float", {"$float": "inf"}),
    ("float_neg_inf", float, float("-inf"), "float", {"$float": "-inf"}),
    ("bool_true", bool, True, "bool", True),
    ("bool_false", bool, False, "bool", False),
    ("str", str, "hello", "str", "hello"),
    ("str_empty", str, "", "str", ""),
    ("str_unicode", str, "héllo ✓ 𝄞", "str", "héllo ✓ 𝄞"),
    ("datetime_utc_ms", dt.datetime, dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC), "date", ts(dt.datetime(2024, 1, 2, 3, 4, 5, 678000))),
    ("datetime_micro", dt.datetime, dt.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=UTC), "timestamp", ts(dt.datetime(2024, 1, 2, 3, 4, 5, 678901))),
    ("datetime_pre_epoch", dt.datetime, dt.datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC), "timestamp", ts(dt.datetime(1969, 12, 31, 23, 59, 59, 500000))),
    ("datetime_year_1", dt.datetime, dt.datetime(1, 1, 1, tzinfo=UTC), "timestamp", ts(dt.datetime(1, 1, 1))),
    ("timedelta", dt.timedelta, dt.timedelta(days=1, seconds=2, microseconds=3), "duration", dur(dt.timedelta(days=1, seconds=2, microseconds=3))),
    ("timedelta_negative", dt.timedelta, dt.timedelta(seconds=-1, microseconds=-500000), "duration", dur(dt.timedelta(seconds=-1, microseconds=-500000))),
    ("timedelta_zero", dt.timedelta, dt.timedelta(0), "duration", dur(dt.timedelta(0))),
    ("none", type(None), None, "null", None),
    ("list_int", typing.List[int], [1, 2, 3], "list_int", [1, 2, 3]),
    ("list_empty", typing.List[str], [], "list_str", []),
    ("list_nested", typing.List[typing.List[int]], [[1], [], [2, 3]], "list_list_int", [[1], [], [2, 3]]),
    ("dict_str_int", typing.Dict[str, int], {"a": 1, "b": 2}, "dict_int", {"a": 1, "b": 2}),
    ("dict_numeric_keys", typing.Dict[str, int], {"10": 1, "2": 2, "a": 3}, "dict_int", {"10": 1, "2": 2, "a": 3}),
    ("dict_empty", typing.Dict[str, int], {}, "dict_int", {}),
    ("dict_list_float", typing.Dict[str, typing.List[float]], {"x": [1.5, -0.5]}, "dict_list_float", {"x": [1.5, -0.5]}),
    ("optional_int_value", typing.Optional[int], 3, "opt_int", 3),
    ("optional_int_none", typing.Optional[int], None, "opt_int", None),
    ("union_int_str_str", typing.Union[int, str], "x", "int_or_str", "x"),
    ("union_int_str_int", typing.Union[int, str], 7, "int_or_str", 7),
    ("union_int_float_int", typing.Union[int, float], 1, "int_or_float", 1),
    ("union_int_float_float", typing.Union[int, float], 1.5, "int_or_float", 1.5),
    ("union_list_or_str", typing.Union[typing.List[int], str], [1, 2], "list_int_or_str", [1, 2]),
    ("union_dict_or_none", typing.Optional[typing.Dict[str, str]], {"k": "v"}, "opt_dict_str", {"k": "v"}),
    ("list_optional_int", typing.List[typing.Optional[int]], [1, None], "list_opt_int", [1, None]),
    ("union_bool_int_bool", typing.Union[int, bool], True, "int_or_bool", True),
    ("union_datetime_str", typing.Union[dt.datetime, str], dt.datetime(2024, 5, 6, tzinfo=UTC), "date_or_str", ts(dt.datetime(2024, 5, 6))),
    ("union_timedelta_none", typing.Optional[dt.timedelta], dt.timedelta(seconds=90), "opt_duration", dur(dt.timedelta(seconds=90))),
    ("enum", Color, Color.GREEN, "color", "green"),
    ("list_enum", typing.List[Color], [Color.RED, Color.BLUE], "list_color", ["red", "blue"]),
]
