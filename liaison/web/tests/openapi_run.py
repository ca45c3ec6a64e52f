"""A bounded property-based run over the published OpenAPI document (issue 14): for every operation,
hypothesis draws path and query parameters and bodies from the operation's own schemas (and, now and then,
values that break them), sends them as one of several personas, and the answer must be below 500 and, when
it is a success, must match the response schema it publishes.

Small on purpose: a JSON-schema subset interpreter (type, enum, $ref, anyOf, properties, required, items,
bounds, lengths, formats) — the constructs `liaison.web.api` publishes; anything else fails loudly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from hypothesis import strategies as st

from liaison.web.api import api

SCHEMA: dict[str, Any] = api.get_openapi_schema()
COMPONENTS: dict[str, Any] = SCHEMA.get("components", {}).get("schemas", {})
KNOWN = {
    "type", "title", "description", "default", "$ref", "anyOf", "properties", "required", "items",
    "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "format",
    "additionalProperties", "maxItems", "minItems", "enum", "pattern", "uniqueItems", "maxProperties",
    "propertyNames",
}  # fmt: skip
LONG = "长" * 5000


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) of every published operation, in a stable order."""
    return sorted(
        (method.upper(), path, op) for path, item in SCHEMA["paths"].items() for method, op in item.items()
    )


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _unknown(schema: dict[str, Any]) -> None:
    extra = set(schema) - KNOWN
    if extra:
        raise AssertionError(f"the OpenAPI run does not know {sorted(extra)} in {schema}")


def _integers(schema: dict[str, Any]) -> st.SearchStrategy[int]:
    low, high = schema.get("minimum"), schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + 1
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - 1
    # small values find real rows; the edges find overflows
    edges = [v for v in (low, high) if v is not None]
    start = max(low if low is not None else 0, 0)
    near = st.integers(min_value=start, max_value=start + 30 if high is None else min(high, start + 30))
    return st.one_of(
        near, st.sampled_from(edges) if edges else near, st.integers(min_value=low, max_value=high)
    )


def _strings(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    fmt = schema.get("format")
    if fmt == "date":
        return st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(dt.date.isoformat)
    if fmt == "date-time":  # hypothesis wants naive bounds; the offset is added to the text
        naive = st.datetimes(dt.datetime(1970, 1, 1), dt.datetime(2200, 1, 1))  # noqa: DTZ001
        return naive.map(lambda d: d.isoformat() + "+08:00")
    if "pattern" in schema:
        return st.from_regex(schema["pattern"], fullmatch=True)
    size = {"min_size": schema.get("minLength", 0), "max_size": min(schema.get("maxLength", 40), 40)}
    words = st.sampled_from(["", "测试", "项目", "A-1", "'; drop table x;--", "<script>x</script>", "0", "1"])
    return st.one_of(
        words.filter(lambda w: size["min_size"] <= len(w) <= schema.get("maxLength", 10**9)), st.text(**size)
    )


def values(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values the schema allows."""
    schema = resolve(schema)
    _unknown(schema)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of(*(values(s, depth) for s in schema["anyOf"]))
    kind = schema.get("type") or ("object" if "properties" in schema else "")
    simple: dict[str, Any] = {
        "integer": lambda: _integers(schema),
        "number": lambda: st.floats(
            schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False
        ),
        "boolean": st.booleans,
        "null": st.none,
        "string": lambda: _strings(schema),
        "array": lambda: st.lists(
            values(schema.get("items", {}), depth + 1),
            min_size=schema.get("minItems", 0),
            max_size=min(schema.get("maxItems", 3), 3),
        ),
        "object": lambda: objects(schema, depth),
        "": lambda: st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=5)),  # any value
    }
    if kind not in simple:
        raise AssertionError(f"unknown type {kind!r}")
    return simple[kind]()


def objects(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and not props:  # a mapping, e.g. question id -> score
        longest = schema.get("propertyNames", {}).get("maxLength", 20)
        keys = st.one_of(st.integers(0, 30).map(str), st.text(max_size=longest))
        return st.dictionaries(
            keys, values(extra, depth + 1), max_size=min(schema.get("maxProperties", 3), 3)
        )
    if depth > 3 or not props:
        return st.just({})
    return st.fixed_dictionaries(
        {k: values(v, depth + 1) for k, v in props.items() if k in required},
        optional={k: values(v, depth + 1) for k, v in props.items() if k not in required},
    )


def hostile() -> st.SearchStrategy[Any]:
    """Values outside any schema: the answer must still be a 4xx, never a 500."""
    return st.sampled_from(
        [None, -1, 2**63, 10**20, -(10**20), 1.5, "", LONG, "9" * 25, "NaN", "2026-02-30", [], {}, True]
    )


def maybe_broken(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    return st.one_of(values(schema), hostile()) if schema else hostile()


def conforms(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """The ways `value` breaks `schema` (empty when it conforms)."""
    schema = resolve(schema)
    if "anyOf" in schema:
        results = [conforms(value, s, where) for s in schema["anyOf"]]
        return [] if any(not r for r in results) else [f"{where}: matches none of anyOf ({results[0][0]})"]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{where}: {value!r} not in {schema['enum']}"]
    kind = schema.get("type")
    checks = {
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "string": lambda v: isinstance(v, str),
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
        "null": lambda v: v is None,
    }
    if kind and not checks[kind](value):
        return [f"{where}: {type(value).__name__} is not {kind}"]
    problems: list[str] = []
    if kind == "string" and schema.get("format") == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        problems.append(f"{where}: {value!r} is not a date")
    if kind == "array":
        for n, item in enumerate(value):
            problems += conforms(item, schema.get("items", {}), f"{where}[{n}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        problems += [f"{where}: lacks {k!r}" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            if k in props:
                problems += conforms(v, props[k], f"{where}.{k}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: unexpected {k!r}")
    return problems


def response_schema(op: dict[str, Any], status: int) -> dict[str, Any] | None:
    answer = op.get("responses", {}).get(str(status)) or op.get("responses", {}).get(status)
    if not answer:
        return None
    return answer.get("content", {}).get("application/json", {}).get("schema")


def body_of(response: Any) -> Any:
    if "json" not in response.get("Content-Type", ""):
        return None
    return json.loads(response.content or b"null")
