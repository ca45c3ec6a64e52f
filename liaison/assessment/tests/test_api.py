"""/api/v1/assessment: the leader defines and publishes a method, opens, computes, adjusts and publishes a
period; the others read what their role allows (404 otherwise, 403 for a step their role may not take);
bad input answered with a message and nothing saved."""

from __future__ import annotations

import pytest

from liaison.assessment.models import AssessmentMethod, AssessmentPeriod, SubjectKind
from liaison.assessment.tests.support import WEIGHTS, published_period, staffed

pytestmark = pytest.mark.django_db
BASE = "/api/v1/assessment"


def _post(client, path, body=None, method="post"):
    return getattr(client, method)(f"{BASE}{path}", body or {}, content_type="application/json")


def test_the_leader_runs_a_period_through_the_api(client, world, department, other_department):
    staffed(world, department, other_department)
    client.force_login(world.center_leader)
    keys = {i["key"] for i in client.get(f"{BASE}/indicators").json()}
    assert set(WEIGHTS) <= keys
    made = _post(client, "/methods", {"title": "考核办法", "explanation": "说明", "weights": WEIGHTS})
    assert made.status_code == 201 and made.json()["state"] == "draft"
    method_id = made.json()["id"]
    revised = _post(
        client,
        f"/methods/{method_id}",
        {"title": "考核办法（2026）", "explanation": "说明", "weights": WEIGHTS},
        "put",
    )
    assert revised.status_code == 200 and revised.json()["title"] == "考核办法（2026）"
    published = _post(client, f"/methods/{method_id}/publish")
    assert published.json()["version"] == 1 and published.json()["state"] == "published"
    period = _post(client, "/periods", {"kind": "quarter", "year": 2026, "quarter": 4})
    assert period.status_code == 201 and period.json()["code"] == "2026Q4"
    period_id = period.json()["id"]
    computed = _post(client, f"/periods/{period_id}/compute").json()
    assert computed["state"] == "computed" and "publish" in computed["actions"]
    results = client.get(f"{BASE}/periods/{period_id}/results", {"kind": "officer"}).json()["items"]
    officer = next(r for r in results if r["label"].startswith(world.officer_user.display_name))
    adjusted = _post(
        client, f"/results/{officer['id']}/adjustment", {"score": "88.5", "reason": "承担攻坚任务"}
    )
    assert adjusted.status_code == 200
    assert (
        adjusted.json()["adjusted_score"] == "88.50"
        and adjusted.json()["computed_score"] == officer["computed_score"]
    )
    assert _post(client, f"/periods/{period_id}/publish").json()["state"] == "published"
    assert _post(client, f"/periods/{period_id}/compute").status_code == 400
    report = client.get(f"{BASE}/periods/{period_id}/report.docx")
    assert report.status_code == 200 and report.content[:2] == b"PK"


def test_an_officer_reads_only_their_own_result_and_may_not_act(client, world, department, other_department):
    staffed(world, department, other_department)
    period = published_period(world)
    client.force_login(world.officer_user)
    rows = client.get(f"{BASE}/periods/{period.pk}/results").json()["items"]
    assert [r["subject_kind"] for r in rows] == [SubjectKind.OFFICER]
    other = period.results.exclude(user=world.officer_user).first()
    assert client.get(f"{BASE}/results/{other.pk}").status_code == 404
    assert _post(client, f"/periods/{period.pk}/compute").status_code == 403
    body = {"title": "x", "explanation": "y", "weights": {"officer.load": 1}}
    assert _post(client, "/methods", body).status_code == 403
    assert AssessmentMethod.objects.count() == 1


def test_an_enterprise_finds_nothing(client, world, department, other_department):
    staffed(world, department, other_department)
    period = published_period(world)
    client.force_login(world.applicant)
    assert client.get(f"{BASE}/periods/{period.pk}").status_code == 404
    assert client.get(f"{BASE}/periods/{period.pk}/results").status_code == 404
    assert client.get(f"{BASE}/periods").json()["items"] == []
    assert client.get(f"{BASE}/results/{period.results.first().pk}").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "month", "year": 2026},
        {"kind": "quarter", "year": 2026, "quarter": 5},
        {"kind": "quarter", "year": 2026},
        {"kind": "year", "year": 99999999999999999999},
        {},
    ],
)
def test_bad_periods_are_refused_with_a_message(client, world, body):
    from liaison.assessment.tests.support import published_method

    published_method(world.center_leader)
    client.force_login(world.center_leader)
    response = _post(client, "/periods", body)
    assert response.status_code in (400, 422) and response.json()
    assert not AssessmentPeriod.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{"score": "101", "reason": "r"}, {"score": "90", "reason": ""}, {"score": "abc", "reason": "r"}, {}],
)
def test_bad_adjustments_are_refused(client, world, body):
    from liaison.assessment.services.periods import period_compute
    from liaison.assessment.tests.support import published_method, this_quarter

    period = this_quarter(world.center_leader, published_method(world.center_leader))
    period_compute(actor=world.center_leader, period=period)
    row = period.results.first()
    client.force_login(world.center_leader)
    response = _post(client, f"/results/{row.pk}/adjustment", body)
    assert response.status_code in (400, 422) and response.json()
    row.refresh_from_db()
    assert row.adjusted_score is None
