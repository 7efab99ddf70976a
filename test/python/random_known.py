"""What the random interop suite knows about a random case (random_cases.py) before judging it: the open
deliberate differences it would hit (named on the check they break) and the cases Flyte 2 cannot describe."""
import typing

from random_cases import contains, variant_of


def _is_array_index(k: str) -> bool:
    return k.isdigit() and (k == "0" or not k.startswith("0")) and int(k) < 2**32 - 1


def js_key_order_lost(d, v, msgpack: bool = False) -> bool:
    """Whether a map the case writes as msgpack has integer-like keys after others or out of ascending order: a JS
    object lists such keys first and ascending, so no JS value holds that order (top-level Dict[str, T] is a
    LiteralMap, whose deterministic bytes sort keys anyway)."""
    k = d["k"]
    if v is None:
        return False
    if k in ("dict", "intdict", "untyped"):
        keys = [str(x) for x in v]
        ints = [x for x in keys if _is_array_index(x)]
        js = sorted(ints, key=int) + [x for x in keys if not _is_array_index(x)]
        if (msgpack or k != "dict") and keys != js:
            return True
        if k == "untyped":
            return any(isinstance(x, dict) and js_key_order_lost({"k": "untyped"}, x, True) for x in v.values()) or any(
                isinstance(y, dict) and js_key_order_lost({"k": "untyped"}, y, True)
                for x in v.values() if isinstance(x, list) for y in x)
        return any(js_key_order_lost(d["of"], x, msgpack or k == "intdict") for x in v.values())
    if k == "list":
        return any(js_key_order_lost(d["of"], x, msgpack) for x in v)
    if k == "union":
        return js_key_order_lost(d["of"][variant_of(d, v)], v, msgpack)
    if k == "record":
        return any(js_key_order_lost(f["type"], getattr(v, f["name"]), True) for f in d["fields"])
    return False


def unions_taken(d, v, style=None):
    """(union, the variant holding the value, enclosing record style) for every union the value passes through."""
    k = d["k"]
    if v is None and k != "union":
        return
    if k == "list":
        for x in v:
            yield from unions_taken(d["of"], x, style)
    elif k in ("dict", "intdict"):
        for x in v.values():
            yield from unions_taken(d["of"], x, style or ("dataclass" if k == "intdict" else None))
    elif k == "union":
        variant = d["of"][variant_of(d, v)]
        yield d, variant, style
        yield from unions_taken(variant, v, style)
    elif k == "record":
        for f in d["fields"]:
            yield from unions_taken(f["type"], getattr(v, f["name"]), d["style"])


def flyte2_enum_by_value(d, mode: typing.Optional[str] = None) -> bool:
    """Whether a pydantic model holds an enum under a Union other than Optional[X]: Flyte 2 writes such a member by
    value while its JSON Schema lists names (flyte.types _convert_enum_field unwraps only Optional), which no zod
    schema can say. `mode`: None outside pydantic models, "pyd" where Flyte 2 walks the fields, "raw" where not."""
    k = d["k"]
    if k == "enum":
        return mode == "raw"
    if k in ("list", "dict", "intdict"):
        return flyte2_enum_by_value(d["of"], mode)
    if k == "union":
        inner = [x for x in d["of"] if x["k"] != "none"]
        return any(flyte2_enum_by_value(x, "raw" if mode == "pyd" and len(inner) > 1 else mode) for x in inner)
    if k == "record":
        if d["style"] != "pydantic":
            return False
        return any(flyte2_enum_by_value(f["type"], mode or "pyd") for f in d["fields"])
    return False
