"""Every operation of the published OpenAPI document, fed what hypothesis draws from its own schemas (and
values that break them) by an anonymous caller, an enterprise, an officer and the centre: never a 500, and
every success matches the schema it publishes (issue 14). See `openapi_run.py` for the generator."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    World,
    fast_passwords,
    world,
)
from liaison.tracking.tests.builders import PDF, dispatched_project, draft, make_catalogue_item
from liaison.web.tests.openapi_run import (
    body_of,
    conforms,
    hostile,
    maybe_broken,
    objects,
    operations,
    resolve,
    response_schema,
    values,
)

pytestmark = pytest.mark.django_db
EXAMPLES = 6  # per operation; ~1,300 requests in all
OPERATIONS = operations()
PERSONAS = ("anonymous", "applicant", "officer", "center_admin")


@pytest.fixture
def clients(world: World, department: Any) -> dict[str, Client]:
    """A small district: one catalogue item with its guide, a dispatched project with a draft plan."""
    make_catalogue_item(world.center_admin, department, "API-1", limit=5, guide=world.guide)
    project = dispatched_project(world, name="接口测试项目")
    draft(world, project, dt.date(2026, 9, 21))
    out = {"anonymous": Client()}
    for name in PERSONAS[1:]:
        out[name] = Client()
        out[name].force_login({"officer": world.officer_user}.get(name) or getattr(world, name))
    return out


def _params(op: dict[str, Any], where: str) -> list[dict[str, Any]]:
    return [p for p in op.get("parameters", []) if p["in"] == where]


def _request(op: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """One call: the persona, the path values, the query and the body."""
    path = st.fixed_dictionaries({p["name"]: maybe_broken(p.get("schema", {})) for p in _params(op, "path")})
    query = st.fixed_dictionaries(
        {p["name"]: values(p.get("schema", {})) for p in _params(op, "query") if p.get("required")},
        optional={
            p["name"]: maybe_broken(p.get("schema", {}))
            for p in _params(op, "query")
            if not p.get("required")
        },
    )
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        schema = resolve(content["application/json"]["schema"])
        body: st.SearchStrategy[Any] = st.one_of(objects(schema), objects(schema), hostile())
    elif "multipart/form-data" in content:
        body = objects(resolve(content["multipart/form-data"]["schema"]))
    else:
        body = st.none()
    return st.fixed_dictionaries(
        {"persona": st.sampled_from(PERSONAS), "path": path, "query": query, "body": body}
    )


def _text(value: Any) -> str:
    return (
        json.dumps(value, ensure_ascii=False)
        if isinstance(value, list | dict) or value is None
        else str(value)
    )


def _send(client: Client, method: str, path: str, op: dict[str, Any], call: dict[str, Any]) -> Any:
    for name, value in call["path"].items():  # an empty segment would make it another route: "_" instead
        path = path.replace("{" + name + "}", quote(_text(value), safe="") or "_")
    query = urlencode({k: _text(v) for k, v in call["query"].items()})
    content = op.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in content:
        schema = resolve(content["multipart/form-data"]["schema"])
        form = {k: _text(v) for k, v in (call["body"] or {}).items()}
        for name, prop in schema.get("properties", {}).items():
            if resolve(prop).get("format") == "binary":
                form[name] = SimpleUploadedFile("材料.pdf", PDF, content_type="application/pdf")
        return client.post(f"{path}?{query}", form)
    if call["body"] is None and not content:
        return client.generic(method, path, QUERY_STRING=query)
    return client.generic(
        method, path, json.dumps(call["body"], ensure_ascii=False), "application/json", QUERY_STRING=query
    )


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=[f"{m} {p}" for m, p, _ in OPERATIONS])
def test_no_server_error_and_successes_match_their_schema(clients, method, path, op):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(call=_request(op))
    def run(call: dict[str, Any]) -> None:
        response = _send(clients[call["persona"]], method, path, op, call)
        assert response.status_code < 500, (call, response.content[:500])
        schema = response_schema(op, response.status_code)
        if 200 <= response.status_code < 300 and schema is not None:
            problems = conforms(body_of(response), schema)
            assert not problems, (call, problems[:5])

    run()


def test_the_run_covers_every_published_operation():
    assert len(OPERATIONS) > 200
    assert {m for m, _p, _o in OPERATIONS} >= {"GET", "POST", "PUT", "PATCH", "DELETE"}
