"""Every operation of the published OpenAPI document, fed what hypothesis draws from its own schemas (and
values that break them) by an anonymous caller, an enterprise, an officer, a guide, a department, the
centre, the supervisor and the audit administrator over the demo district (`load_demo`, loaded once for the module): path ids are drawn mostly from the
district's real rows, so that calls get past "not found" and their successes are checked against the
published schema, with generated and hostile values still mixed in. Never a 500, and every success matches
the schema it publishes (issue 14). See `openapi_run.py` for the generator."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from liaison.directory.models import User
from liaison.tracking.tests.builders import PDF
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

# One worker runs the whole module (make test: --dist loadgroup), so the district is built once, not again
# each time the scheduler hands that worker another slice of the module.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("openapi_district")]
EXAMPLES = 12  # per operation; ~2,650 requests in all
OPERATIONS = operations()
STATS = os.environ.get("OPENAPI_RUN_STATS")
# persona -> the demo account (None: not signed in)
PERSONAS = {
    "anonymous": None,
    "applicant": "applicant1",
    "officer": "officer1",
    "guide": "guide1",
    "department": "dept_admin1",
    "center_admin": "center_admin",
    "supervisor": "supervisor",
    "audit_admin": "audit_admin",
}
# A path parameter (the path's module, its name) -> the model whose rows it names, and the field. The demo
# has no catalogue import jobs, meetings or meeting actions: those ids are only generated.
ROWS: dict[tuple[str, str], tuple[str, str]] = {
    ("assessment", "method_id"): ("assessment.AssessmentMethod", "pk"),
    ("assessment", "period_id"): ("assessment.AssessmentPeriod", "pk"),
    ("assessment", "result_id"): ("assessment.SubjectResult", "pk"),
    ("audit", "seq"): ("audit.AuditEvent", "seq"),
    ("catalogue", "change_id"): ("catalogue.GuideChange", "pk"),
    ("catalogue", "department_id"): ("directory.Department", "pk"),
    ("catalogue", "item_id"): ("catalogue.ApprovalItem", "pk"),
    ("closure", "entry_id"): ("closure.CustodyEntry", "pk"),
    ("closure", "project_id"): ("intake.Project", "pk"),
    ("complaints", "complaint_id"): ("complaints.Complaint", "pk"),
    ("complaints", "cooperation_id"): ("complaints.Cooperation", "pk"),
    ("complaints", "task_id"): ("complaints.Cooperation", "pk"),
    ("consultations", "consultation_id"): ("consultations.Consultation", "pk"),
    ("consultations", "reply_id"): ("consultations.OpinionReply", "pk"),
    ("coordination", "difficulty_id"): ("coordination.Difficulty", "pk"),
    ("evaluation", "appeal_id"): ("evaluation.Appeal", "pk"),
    ("evaluation", "evaluation_id"): ("evaluation.Evaluation", "pk"),
    ("evaluation", "follow_up_id"): ("evaluation.FollowUp", "pk"),
    ("evaluation", "invitation_id"): ("evaluation.Invitation", "pk"),
    ("evaluation", "visit_id"): ("evaluation.ReturnVisit", "pk"),
    ("intake", "project_id"): ("intake.Project", "pk"),
    ("intake", "rate_id"): ("intake.ExchangeRate", "pk"),
    ("intake", "request_id"): ("intake.Entrustment", "pk"),
    ("intake", "threshold_id"): ("intake.EligibilityThreshold", "pk"),
    ("officers", "officer_id"): ("officers.Officer", "pk"),
    ("publicity", "article_id"): ("publicity.Article", "pk"),
    ("publicity", "enquiry_id"): ("publicity.Enquiry", "pk"),
    ("supervision", "inspection_id"): ("supervision.Inspection", "pk"),
    ("tracking", "item_id"): ("tracking.ProjectItem", "pk"),
    ("tracking", "material_id"): ("tracking.MaterialSubmission", "pk"),
    ("tracking", "obligation_id"): ("tracking.EnterpriseObligation", "pk"),
    ("tracking", "project_id"): ("intake.Project", "pk"),
}
PER_PARAMETER = 40  # real values kept per parameter


@pytest.fixture(scope="module")
def district(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[tuple[str, str], list[Any]]]:
    """The demo district, committed once for this module and flushed after it; the real values of each
    path parameter. Each test still runs in its own transaction, so what a call changes is rolled back."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast:
        call_command("load_demo", stdout=io.StringIO())
        real = {}
        for key, (label, field) in ROWS.items():
            rows = apps.get_model(label).objects.order_by(field).values_list(field, flat=True)
            real[key] = list(rows[:PER_PARAMETER])
    yield real
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def clients(district: Any) -> dict[str, Client]:
    out = {}
    for persona, username in PERSONAS.items():
        out[persona] = Client()
        if username is not None:
            out[persona].force_login(User.objects.get(username=username))
    return out


def _params(op: dict[str, Any], where: str) -> list[dict[str, Any]]:
    return [p for p in op.get("parameters", []) if p["in"] == where]


def _path_value(path: str, parameter: dict[str, Any], real: dict[tuple[str, str], list[Any]]) -> Any:
    """Mostly a real row's value (two in three), else what the schema allows or breaks it."""
    drawn = maybe_broken(parameter.get("schema", {}))
    rows = real.get((path.split("/")[3], parameter["name"]))
    return st.one_of(st.sampled_from(rows), st.sampled_from(rows), drawn) if rows else drawn


def _request(op: dict[str, Any], path: str, real: dict[tuple[str, str], list[Any]]) -> st.SearchStrategy[Any]:
    """One call: the persona, the path values, the query and the body."""
    path_values = st.fixed_dictionaries({p["name"]: _path_value(path, p, real) for p in _params(op, "path")})
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
        {
            "persona": st.sampled_from(list(PERSONAS)),
            "path": path_values,
            "query": query,
            "body": st.tuples(body, _real_fields(path, real)).map(_with_real_fields),
        }
    )


def _real_fields(path: str, real: dict[tuple[str, str], list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """For a body field named like a path parameter (`project_id` …): a real value (the path's own module's
    rows first), or None to keep the generated one."""
    module = path.split("/")[3]
    fields: dict[str, list[Any]] = {}
    for (_where, name), rows in sorted(real.items(), key=lambda pair: pair[0][0] != module):
        if rows:
            fields.setdefault(name, rows)
    return st.fixed_dictionaries(
        {name: st.one_of(st.none(), st.sampled_from(rows)) for name, rows in fields.items()}
    )


def _with_real_fields(drawn: tuple[Any, dict[str, Any]]) -> Any:
    body, fields = drawn
    if not isinstance(body, dict):
        return body
    return {k: (fields[k] if fields.get(k) is not None else v) for k, v in body.items()}


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
def test_no_server_error_and_successes_match_their_schema(district, clients, method, path, op):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(call=_request(op, path, district))
    def run(call: dict[str, Any]) -> None:
        response = _send(clients[call["persona"]], method, path, op, call)
        if STATS:  # OPENAPI_RUN_STATS=<file>: one line per call, for the tallies in docs/security.md
            with open(STATS, "a", encoding="utf-8") as out:
                out.write(f"{method} {path} {response.status_code}\n")
        assert response.status_code < 500, (call, response.content[:500])
        schema = response_schema(op, response.status_code)
        if 200 <= response.status_code < 300 and schema is not None:
            problems = conforms(body_of(response), schema)
            assert not problems, (call, problems[:5])

    run()


def test_the_run_covers_every_published_operation(district):
    assert len(OPERATIONS) > 200
    published = {(p.split("/")[3], q["name"]) for _m, p, op in OPERATIONS for q in _params(op, "path")}
    assert set(ROWS) <= published  # no stale entry
    assert all(district[key] for key in ROWS), [key for key in ROWS if not district[key]]  # rows to draw
    assert {m for m, _p, _o in OPERATIONS} >= {"GET", "POST", "PUT", "PATCH", "DELETE"}
