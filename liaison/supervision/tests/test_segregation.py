"""Who reads what, on every page and every endpoint, for every persona: the desk and its lists for the
supervisors and the centre's leaders only; an inspection's content for them; the party only its own
inspection's rectification; everyone else 404 (as if missing)."""

from __future__ import annotations

import pytest

from liaison.supervision.models import SubjectType
from liaison.supervision.tests.support import open_inspection

pytestmark = pytest.mark.django_db

PERSONAS = (
    "supervisor",
    "center_leader",
    "center_admin",
    "project_office",
    "officer_user",
    "other_officer",
    "guide",
    "department_admin",
    "applicant",
)
DESK = {"supervisor", "center_leader"}
INSPECTION_LIST = DESK | {"officer_user", "other_officer", "department_admin"}
OFFICER_INSPECTION = DESK | {"officer_user"}


def _user(case, persona):
    if persona == "other_officer":
        return case.other_officer.user
    return getattr(case.world, persona)


@pytest.fixture
def inspection(case):
    return open_inspection(case, SubjectType.OFFICER, require=True)


def _pages(case, inspection):
    w = case.world
    return {
        "/supervision/": DESK,
        "/supervision/?period=quarter": DESK,
        "/supervision/bad-reviews/": DESK,
        f"/supervision/subjects/officer/{w.officer.pk}/": DESK,
        f"/supervision/subjects/guide/{w.guide.pk}/": DESK,
        f"/supervision/subjects/department/{w.department_admin.department_id}/": DESK,
        "/supervision/inspections/": INSPECTION_LIST,
        "/supervision/inspections/new/": {"supervisor"},
        f"/supervision/inspections/{inspection.pk}/": OFFICER_INSPECTION,
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_answers_its_readers_and_404s_everyone_else(client, case, inspection, persona):
    client.force_login(_user(case, persona))
    for url, readers in _pages(case, inspection).items():
        status = client.get(url).status_code
        assert status == (200 if persona in readers else 404), (url, persona, status)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_findings_are_shown_only_to_the_oversight(client, case, inspection, persona):
    client.force_login(_user(case, persona))
    response = client.get(f"/supervision/inspections/{inspection.pk}/")
    text = response.content.decode()
    if persona in DESK:
        assert "检查内容" in text
    elif persona == "officer_user":
        assert "落实一次性告知制度" in text and "检查内容" not in text
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_endpoint_answers_its_readers_and_404s_everyone_else(client, case, inspection, persona):
    w = case.world
    client.force_login(_user(case, persona))
    api = "/api/v1/supervision"
    reads = {
        f"{api}/desk": DESK,
        f"{api}/figures": DESK,
        f"{api}/bad-reviews": DESK,
        f"{api}/subjects/officer/{w.officer.pk}": DESK,
        f"{api}/subjects/department/{w.department_admin.department_id}": DESK,
        f"{api}/inspections/{inspection.pk}": OFFICER_INSPECTION,
    }
    for url, readers in reads.items():
        status = client.get(url).status_code
        assert status == (200 if persona in readers else 404), (url, persona, status)
    listed = client.get(f"{api}/inspections").json()
    ids = [row["id"] for row in listed.get("items", [])] if isinstance(listed, dict) else []
    assert ids == ([inspection.pk] if persona in OFFICER_INSPECTION else []), (persona, listed)
    findings = [row["findings"] for row in listed.get("items", [])] if isinstance(listed, dict) else []
    assert all(("检查内容" in f) == (persona in DESK) for f in findings)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_action_endpoint_is_refused_to_whoever_may_not_take_it(client, case, inspection, persona):
    w = case.world
    client.force_login(_user(case, persona))
    api = "/api/v1/supervision"
    opened = client.post(
        f"{api}/inspections",
        {"subject_type": "officer", "subject_id": w.officer.pk, "title": "抽查", "findings": "发现"},
        content_type="application/json",
    )
    assert opened.status_code == (201 if persona == "supervisor" else 403), (persona, opened.content)
    steps = {
        "report": ({"report": "已整改"}, {"officer_user"}),
        "close": ({"conclusion": "办结"}, set()),  # nobody: rectifying cannot close
    }
    for step, (body, allowed) in steps.items():
        status = client.post(
            f"{api}/inspections/{inspection.pk}/{step}", body, content_type="application/json"
        ).status_code
        if persona in allowed:
            assert status == 200
        elif persona in OFFICER_INSPECTION:
            assert status in (400, 403), (step, persona, status)
        else:
            assert status == 404, (step, persona, status)
