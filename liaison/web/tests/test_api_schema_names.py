"""The published OpenAPI document names every schema once: two classes with one name would make ninja
publish one of them for both, and clients generated from the document would break."""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

from ninja import Schema

from liaison.web.api import api


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def _declared_in_the_project(cls: type) -> bool:
    """A class written in our source (ninja also builds models on the fly, named QueryParams and the like)."""
    if not cls.__module__.startswith("liaison."):
        return False
    owner: Any = sys.modules[cls.__module__]
    for part in cls.__qualname__.split("."):
        owner = getattr(owner, part, None)
    return owner is cls


def _request_schema(path: str, verb: str) -> dict[str, Any]:
    schema = api.get_openapi_schema()
    body = schema["paths"][path][verb]["requestBody"]["content"]["application/json"]["schema"]
    name = body["$ref"].rsplit("/", 1)[-1]
    return {"name": name, **schema["components"]["schemas"][name]}


def test_no_two_schema_classes_in_the_project_share_a_name():
    api.get_openapi_schema()  # every router (and so every schema module) is imported
    by_name: dict[str, list[str]] = defaultdict(list)
    for cls in _subclasses(Schema):
        if _declared_in_the_project(cls):
            by_name[cls.__name__].append(f"{cls.__module__}.{cls.__qualname__}")
    assert len(by_name) > 100
    assert {name: where for name, where in by_name.items() if len(where) > 1} == {}


def test_raising_a_consultation_is_published_with_the_consultations_schema():
    body = _request_schema("/api/v1/consultations/", "post")
    assert body["name"] == "ConsultationRaiseIn"
    assert {"subject", "situation", "requests", "channel"} <= set(body["properties"])


def test_raising_a_difficulty_is_published_with_the_difficulties_schema():
    body = _request_schema("/api/v1/coordination/difficulties", "post")
    assert body["name"] == "DifficultyRaiseIn"
    assert {"title", "description", "analysis", "proposal"} <= set(body["properties"])


def test_every_published_component_is_the_class_of_that_name():
    classes = {cls.__name__: cls for cls in _subclasses(Schema) if _declared_in_the_project(cls)}
    components = api.get_openapi_schema()["components"]["schemas"]
    mismatched = []
    for name, published in components.items():
        cls = classes.get(name)
        if cls is None or "properties" not in published:
            continue  # enums, and ninja's own wrappers (Paged…)
        if set(published["properties"]) != {f.alias or n for n, f in cls.model_fields.items()}:
            mismatched.append(name)
    assert mismatched == []
