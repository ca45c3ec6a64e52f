"""No 500 from big numbers: every integer the API accepts is bounded in its schema (liaison/core/bounds.py).

The endpoints are discovered from the published OpenAPI document, so a new endpoint is covered the day it
is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from liaison.core.bounds import BIGINT_MAX
from liaison.directory.roles import Role
from liaison.intake.tests.test_views_support import register_applicant
from liaison.testing.personas import make_user
from liaison.web.api import api

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"  # 20 digits
OVER_BIGINT = str(2**63)  # 9223372036854775808
VALUES = (HUGE, OVER_BIGINT, "-" + HUGE)
SCHEMA = api.get_openapi_schema()
COMPONENTS = SCHEMA.get("components", {}).get("schemas", {})


def _unbounded(node: Any, where: str, seen: tuple[str, ...] = ()) -> Iterator[str]:
    """Every integer in a JSON schema (following $refs) that lacks a minimum or a maximum."""
    if isinstance(node, list):
        for child in node:
            yield from _unbounded(child, where, seen)
        return
    if not isinstance(node, dict):
        return
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from _unbounded(COMPONENTS[name], f"{where}->{name}", (*seen, name))
        return
    if node.get("type") == "integer" and not (
        "minimum" in node and node.get("maximum") is not None and node["maximum"] <= BIGINT_MAX
    ):
        yield where
    for key, child in node.items():
        if key == "properties":
            for name, prop in child.items():
                yield from _unbounded(prop, f"{where}.{name}", seen)
        elif isinstance(child, dict | list):
            yield from _unbounded(child, where, seen)


def _operations(method: str | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in SCHEMA["paths"].items():
        for verb, operation in operations.items():
            if method in (None, verb):
                yield path, verb, operation


def _integer_query_params(operation: dict[str, Any]) -> list[str]:
    return [
        p["name"]
        for p in operation.get("parameters", [])
        if p["in"] == "query" and '"integer"' in str(p["schema"]).replace("'", '"')
    ]


def test_every_integer_an_endpoint_accepts_is_bounded_in_the_published_schema():
    unbounded = []
    for path, verb, operation in _operations():
        where = f"{verb.upper()} {path}"
        for param in operation.get("parameters", []):
            unbounded += _unbounded(param["schema"], f"{where} {param['in']}:{param['name']}")
        for content in operation.get("requestBody", {}).get("content", {}).values():
            unbounded += _unbounded(content["schema"], f"{where} body")
    assert unbounded == []


def test_the_walk_below_covers_the_paginated_lists():
    lists = [path for path, _verb, op in _operations("get") if "offset" in _integer_query_params(op)]
    assert len(lists) >= 15
    assert "/api/v1/intake/projects" in lists and "/api/v1/notifications/" in lists


@pytest.fixture
def everyone(db, department):
    users = [make_user(f"t_walk_{role}", roles=(role,), department=department) for role in Role]
    users.append(register_applicant("t_walk_enterprise"))
    return users


def test_huge_numbers_in_any_query_or_path_of_any_get_endpoint_are_no_server_error(everyone):
    client = Client(raise_request_exception=False)
    failures = []
    for user in everyone:
        client.force_login(user)
        for path, _verb, operation in _operations("get"):
            url = re.sub(r"\{[^}]+\}", HUGE, path)
            names = _integer_query_params(operation)
            for query in [{}] + [{name: value} for name in names for value in VALUES]:
                response = client.get(url, query)
                if response.status_code >= 500:
                    failures.append((user.username, url, query, response.status_code))
    assert failures == []


def test_huge_path_ids_on_every_endpoint_are_404_or_422(client, everyone):
    client.force_login(everyone[0])
    answers = set()
    for path, verb, _operation in _operations():
        if "{" not in path:
            continue
        url = re.sub(r"\{[^}]+\}", HUGE, path)
        response = getattr(client, verb)(url, content_type="application/json")
        answers.add(response.status_code)
        assert response.status_code in (404, 405, 422), (verb, url, response.status_code)
    assert 422 in answers


@pytest.mark.parametrize(
    ("url", "query", "field"),
    [
        ("/api/v1/notifications/", {"offset": OVER_BIGINT}, "offset"),
        ("/api/v1/intake/projects", {"limit": HUGE}, "limit"),
        ("/api/v1/intake/projects", {"limit": "0"}, "limit"),
        ("/api/v1/audit/events", {"actor": "-" + HUGE}, "actor"),
    ],
)
def test_an_out_of_range_number_is_a_422_with_a_chinese_message(client, center_admin, url, query, field):
    client.force_login(center_admin)
    response = client.get(url, query)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == field
    assert re.search(r"不能大于|不能小于", body["detail"])


def test_a_sensible_limit_and_offset_still_page(client, center_admin):
    client.force_login(center_admin)
    response = client.get("/api/v1/catalogue/departments", {"limit": 1000, "offset": 2**31 - 1})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_a_twenty_digit_id_in_mark_read_is_a_422_not_a_500(client, applicant):
    client.force_login(applicant)
    response = client.post(
        "/api/v1/notifications/mark-read", {"ids": [int(HUGE)]}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "不能大于" in response.json()["detail"]
    response = client.post(
        "/api/v1/notifications/mark-read", {"ids": [1, 2]}, content_type="application/json"
    )
    assert response.status_code == 200


def test_too_many_ids_at_once_is_a_422_with_a_chinese_message(client, applicant):
    client.force_login(applicant)
    ids = list(range(1, 502))
    response = client.post("/api/v1/notifications/mark-read", {"ids": ids}, content_type="application/json")
    assert response.status_code == 422
    assert "最多 500 项" in response.json()["detail"]
