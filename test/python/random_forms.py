"""How a random case's type description (random_cases.py) reads in each place: which union variant holds a value,
the form each SDK writes it in, a short shape for reports, and the description aligned to the type Python holds."""
import dataclasses
import datetime as dt
import enum
import typing

import pydantic


def variant_of(d, v) -> int:
    """Which of a union's variants holds `v` (the groups are disjoint, so one does)."""
    for i, x in enumerate(d["of"]):
        k = x["k"]
        ok = {"none": v is None, "int": type(v) is int, "bigint": type(v) is int, "float": type(v) is float,
              "str": type(v) is str, "bool": type(v) is bool, "datetime": isinstance(v, dt.datetime),
              "timedelta": isinstance(v, dt.timedelta), "list": isinstance(v, list), "untyped": isinstance(v, dict),
              "dict": isinstance(v, dict), "intdict": isinstance(v, dict),
              "enum": isinstance(v, enum.Enum) and type(v).__name__ == x.get("name"),
              "literal": type(v) is str and v in x.get("values", ()),
              "record": type(v).__name__ == x.get("name")}[k]
        if ok:
            return i
    raise ValueError(f"no variant of {d} holds {v!r}")


def sdk_form(d, sdk: str, style: typing.Optional[str] = None):
    """The description as `sdk` sees it: Flyte 2 names enum members by name (outside dataclasses); an enum inside a
    pydantic model carries its title."""
    k = d["k"]
    if k == "enum":
        by_name = sdk == "flyte2" and style != "dataclass"
        return {**d, "members": [[m, m if by_name else v] for m, v in d["members"]], "title": style == "pydantic"}
    if k in ("list", "dict"):
        return {**d, "of": sdk_form(d["of"], sdk, style)}
    if k == "intdict":  # outside records: msgpack through mashumaro, enums by value as in a dataclass
        return {**d, "of": sdk_form(d["of"], sdk, style or "dataclass")}
    if k == "union":
        return {**d, "of": [sdk_form(x, sdk, style) for x in d["of"]]}
    if k == "record":
        return {**d, "fields": [{**f, "type": sdk_form(f["type"], sdk, d["style"])} for f in d["fields"]]}
    return d


def describe(d) -> str:
    """A short Python-like spelling of a description, for reports."""
    k = d["k"]
    if k in ("list", "dict", "intdict"):
        return {"list": "List[{}]", "dict": "Dict[str, {}]", "intdict": "Dict[int, {}]"}[k].format(describe(d["of"]))
    if k == "union":
        return f"Union[{', '.join(describe(x) for x in d['of'])}]"
    if k == "record":
        fs = ", ".join(f"{f['name']}: {describe(f['type'])}{'=' if 'default' in f or 'factory' in f else ''}"
                       for f in d["fields"])
        return f"{'dc' if d['style'] == 'dataclass' else 'pyd'}({fs})"
    if k == "enum":
        return f"Enum{[v for _, v in d['members']]}"
    if k == "literal":
        return f"Literal{d['values']}"
    return {"untyped": "dict", "none": "None"}.get(k, k)


def contains(d, pred) -> bool:
    if pred(d):
        return True
    k = d["k"]
    if k in ("list", "dict", "intdict"):
        return contains(d["of"], pred)
    if k == "union":
        return any(contains(x, pred) for x in d["of"])
    if k == "record":
        return any(contains(f["type"], pred) for f in d["fields"])
    return False


def _family(x) -> str:
    """A union variant's family, from its description or its Python type (a union's variants differ in it)."""
    if isinstance(x, dict):
        return {"bigint": "int", "intdict": "map", "dict": "map", "untyped": "map"}.get(x["k"], x["k"])
    origin = typing.get_origin(x)
    if x is type(None):
        return "none"
    if origin is list:
        return "list"
    if origin is dict or x is dict:
        return "map"
    if origin is typing.Literal:
        return "literal"
    if isinstance(x, type) and issubclass(x, enum.Enum):
        return "enum"
    if isinstance(x, type) and (dataclasses.is_dataclass(x) or issubclass(x, pydantic.BaseModel)):
        return "record"
    return {int: "int", float: "float", str: "str", bool: "bool", dt.datetime: "datetime",
            dt.timedelta: "timedelta"}[x]


def align(d, t):
    """The description in the order of the Python type `t` really holds. typing's caches compare Union and Literal
    arguments as sets, so List[Union[None, str]] can come back as an earlier, equal List[Union[str, None]], made
    by this generator or by any library."""
    k = d["k"]
    if k == "list":
        return {**d, "of": align(d["of"], typing.get_args(t)[0])}
    if k in ("dict", "intdict"):
        return {**d, "of": align(d["of"], typing.get_args(t)[1])}
    if k == "literal":
        return {**d, "values": list(typing.get_args(t))}
    if k == "union":
        by_family = {_family(x): x for x in d["of"]}
        return {**d, "of": [align(by_family[_family(a)], a) for a in typing.get_args(t)]}
    if k == "record":
        hints = typing.get_type_hints(t)
        return {**d, "fields": [{**f, "type": align(f["type"], hints[f["name"]])} for f in d["fields"]]}
    return d
