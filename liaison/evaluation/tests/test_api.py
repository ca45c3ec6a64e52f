"""/api/v1/evaluation: the enterprise evaluates, staff find no way to write an evaluation (no create,
change or delete for them), the follow-up's steps, the figures for those who may read them, and bad
input refused with a message."""

from __future__ import annotations

import pytest

from liaison.evaluation.models import BadReviewReason, Evaluation, FollowUp
from liaison.evaluation.tests.support import complete_service

pytestmark = pytest.mark.django_db
BASE = "/api/v1/evaluation"
STAFF = [
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide",
    "department_admin",
]


def _post(client, path, body, method="post"):
    return getattr(client, method)(f"{BASE}{path}", body, content_type="application/json")


def test_the_enterprise_lists_and_evaluates_and_changes_through_the_api(client, case):
    inv = complete_service(case)
    client.force_login(case.world.applicant)
    listed = client.get(f"{BASE}/invitations").json()
    rows = {i["id"]: i for i in listed["items"]}
    assert set(rows) == {
        inv.pk,
        inv.project.evaluation_invitations.get(kind="item").pk,
    }  # the service and its item
    assert rows[inv.pk]["evaluated"] is False
    given = _post(client, f"/invitations/{inv.pk}/evaluation", {"level": 4, "text": "及时"})
    assert given.status_code == 201 and given.json()["level_label"] == "满意"
    assert given.json()["evaluator"] == ""  # the evaluator does not need their own name back
    changed = _post(client, f"/evaluations/{given.json()['id']}", {"level": 5}, method="put")
    assert changed.status_code == 200 and changed.json()["level"] == 5


@pytest.mark.parametrize("persona", STAFF)
def test_staff_have_no_way_to_write_an_evaluation(client, case, persona):
    inv = complete_service(case)
    e = Evaluation.objects.create(
        invitation=inv, evaluator=case.world.applicant, level=4, created_at=inv.created_at
    )
    client.force_login(getattr(case.world, persona))
    assert _post(client, f"/invitations/{inv.pk}/evaluation", {"level": 5}).status_code == 404
    assert _post(client, f"/evaluations/{e.pk}", {"level": 1}, method="put").status_code == 404
    assert _post(client, f"/evaluations/{e.pk}/comments", {"text": "x"}).status_code == 404
    assert client.delete(f"{BASE}/evaluations/{e.pk}").status_code in (404, 405)
    assert client.delete(f"{BASE}/reviews/{e.pk}").status_code in (404, 405)
    assert Evaluation.objects.get(pk=e.pk).level == 4 and Evaluation.objects.count() == 1


@pytest.mark.parametrize(
    "body", [{"level": 0}, {"level": 6}, {"level": "很好"}, {"level": 9999999999999999999999}, {}]
)
def test_bad_levels_are_refused_with_a_message(client, case, body):
    inv = complete_service(case)
    client.force_login(case.world.applicant)
    response = _post(client, f"/invitations/{inv.pk}/evaluation", body)
    assert response.status_code in (400, 422) and response.json()
    assert not Evaluation.objects.exists()


def test_a_bad_review_is_followed_up_through_the_api(client, case):
    w = case.world
    inv = complete_service(case)
    client.force_login(w.applicant)
    reason = BadReviewReason.objects.first().pk
    assert _post(client, f"/invitations/{inv.pk}/evaluation", {"level": 2}).status_code == 400
    assert (
        _post(client, f"/invitations/{inv.pk}/evaluation", {"level": 2, "reason_ids": [reason]}).status_code
        == 201
    )
    f = FollowUp.objects.get()
    client.force_login(w.officer_user)
    assert (
        _post(
            client,
            f"/follow-ups/{f.pk}/confirm",
            {"verification": "x", "responsible": "officer", "asked": "y"},
        ).status_code
        == 404
    )
    client.force_login(w.center_admin)
    body = {"verification": "属实", "responsible": "officer", "asked": "改进"}
    step = _post(client, f"/follow-ups/{f.pk}/confirm", body)
    assert step.status_code == 200 and step.json()["state"] == "rectifying"
    assert _post(client, f"/follow-ups/{f.pk}/close", {"accepts": True, "note": "x"}).status_code == 400
    client.force_login(w.officer_user)
    assert _post(client, f"/follow-ups/{f.pk}/report", {"report": "已整改"}).json()["state"] == "returning"


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("center_admin", 200),
        ("supervisor", 200),
        ("project_office", 200),
        ("officer_user", 404),
        ("applicant", 404),
    ],
)
def test_figures_for_those_who_may_read_them(client, case, persona, status):
    client.force_login(getattr(case.world, persona))
    response = client.get(f"{BASE}/figures?by=officer")
    assert response.status_code == status
    assert client.get(f"{BASE}/figures?by=nonsense").status_code in (404, 422)
