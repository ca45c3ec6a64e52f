"""The evaluation pages for each role: who finds which page (others get 404), the evaluator's name only
for the centre and supervisors (and each view of it in the personal-data log), the forms' refusals, the
Excel export, and constant query counts on the lists."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from liaison.audit.models import PersonalDataView
from liaison.evaluation.models import BadReviewReason, Evaluation, FollowUp, Level, ReturnVisit
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.tests.support import complete_service

pytestmark = pytest.mark.django_db
PERSONAS = [
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide",
    "department_admin",
    "applicant",
    "other_applicant",
]
# Which personas find each list page (the rest: 404).
PAGES = {
    "/evaluation/": {"applicant", "other_applicant"},
    "/evaluation/reviews/": {
        "center_admin",
        "center_leader",
        "supervisor",
        "officer_user",
        "guide",
        "department_admin",
    },
    "/evaluation/follow-ups/": {
        "center_admin",
        "center_leader",
        "supervisor",
        "officer_user",
        "department_admin",
    },
    "/evaluation/visits/": {"center_admin", "center_leader", "supervisor", "guide"},
    "/evaluation/figures/": {"center_admin", "center_leader", "supervisor", "project_office"},
    "/evaluation/settings/": {"center_admin"},
}


def _bad(case) -> Evaluation:
    inv = complete_service(case)
    reason = BadReviewReason.objects.first()
    return evaluation_give(
        actor=case.world.applicant,
        invitation_id=inv.pk,
        level=Level.DISSATISFIED,
        reason_ids=[reason.pk],
        text="多次往返",
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_role_finds_its_pages_and_not_the_others(client, case, persona):
    client.force_login(getattr(case.world, persona))
    for path, who in PAGES.items():
        status = client.get(path).status_code
        # the enterprise's own list shows nothing to staff: staff have no invitations, the page answers 200 empty
        expected = 200 if persona in who or path == "/evaluation/" else 404
        assert status == expected, (path, status)


@pytest.mark.parametrize("persona", PERSONAS)
def test_one_review_and_its_follow_up_are_found_only_by_those_concerned(client, case, persona):
    e = _bad(case)
    f = FollowUp.objects.get(evaluation=e)
    client.force_login(getattr(case.world, persona))
    review = client.get(f"/evaluation/reviews/{e.pk}/").status_code
    follow_up = client.get(f"/evaluation/follow-ups/{f.pk}/").status_code
    invitation = client.get(f"/evaluation/invitations/{e.invitation_id}/").status_code
    assert review == (
        200 if persona in {"center_admin", "center_leader", "supervisor", "officer_user"} else 404
    )
    assert follow_up == (200 if persona in {"center_admin", "center_leader", "supervisor"} else 404)
    assert invitation == (200 if persona == "applicant" else 404)


def test_the_evaluated_officer_reads_the_review_without_the_evaluator(client, case):
    e = _bad(case)
    name = case.world.applicant.full_name or case.world.applicant.username
    client.force_login(case.world.officer_user)
    page = client.get(f"/evaluation/reviews/{e.pk}/").content.decode()
    assert "多次往返" in page and name not in page
    listing = client.get("/evaluation/reviews/").content.decode()
    assert "多次往返" in listing and name not in listing
    officer_page = client.get(f"/officers/{case.world.officer.pk}/").content.decode()
    assert "多次往返" in officer_page and name not in officer_page
    assert not PersonalDataView.objects.exists()


def test_the_centre_sees_the_evaluator_and_the_view_is_logged(client, case):
    e = _bad(case)
    name = case.world.applicant.full_name or case.world.applicant.username
    client.force_login(case.world.supervisor)
    assert name in client.get(f"/evaluation/reviews/{e.pk}/").content.decode()
    logged = PersonalDataView.objects.get(user=case.world.supervisor)
    assert f"evaluator:evaluation:{e.pk}" in logged.subjects


def test_the_enterprise_evaluates_on_the_page_and_a_bad_one_without_reason_is_refused(client, case):
    inv = complete_service(case)
    client.force_login(case.world.applicant)
    url = f"/evaluation/invitations/{inv.pk}/"
    refused = client.post(url, {"action": "give", "level": "1"})
    assert refused.status_code == 400 and "差评原因" in refused.content.decode()
    assert not Evaluation.objects.exists()
    assert client.post(url, {"action": "give", "level": "5", "text": "非常好"}).status_code == 302
    page = client.get(url).content.decode()
    assert "非常满意" in page and "修改评价" in page


def test_figures_export_opens_as_a_workbook_with_the_figures(client, case):
    _bad(case)
    client.force_login(case.world.center_admin)
    response = client.get("/evaluation/figures/?by=officer&format=xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "分组")
    assert "满意度统计" in values[0][0]
    assert values[-1][0] == "全部"  # the total row closes the table
    assert any("0.0%" in str(cell) for row in values[header + 1 :] for cell in row)  # one bad review: 0 %


def test_lists_run_a_constant_number_of_queries(client, case, django_assert_max_num_queries):
    _bad(case)
    client.force_login(case.world.center_admin)
    for path in (
        "/evaluation/reviews/",
        "/evaluation/follow-ups/",
        "/evaluation/visits/",
        "/evaluation/figures/?by=month",
    ):
        with django_assert_max_num_queries(30):
            assert client.get(path).status_code == 200
    ReturnVisit.objects.create(
        project=case.project, reason="manual", planned_on=case.project.created_at.date()
    )
    with django_assert_max_num_queries(30):
        assert client.get("/evaluation/visits/").status_code == 200


def test_the_centre_plans_a_visit_by_service_number(client, case):
    type(case.project).objects.filter(pk=case.project.pk).update(service_number="WHLL-2026-0001")
    case.project.refresh_from_db()
    client.force_login(case.world.center_admin)
    missing = client.post("/evaluation/visits/new/", {"service_number": "NOPE"}, follow=True)
    assert "没有服务编号" in missing.content.decode() and not ReturnVisit.objects.exists()
    planned = client.post("/evaluation/visits/new/", {"service_number": case.project.service_number})
    visit = ReturnVisit.objects.get()
    assert planned.status_code == 302 and planned["Location"] == f"/evaluation/visits/{visit.pk}/"
    client.force_login(case.world.officer_user)
    assert (
        client.post("/evaluation/visits/new/", {"service_number": case.project.service_number}).status_code
        == 404
    )
    assert ReturnVisit.objects.count() == 1


def test_an_item_evaluation_is_the_departments_not_the_officers(client, case):
    from liaison.evaluation.models import Invitation
    from liaison.evaluation.tests.support import finish_item

    finish_item(case, "approved")
    inv = Invitation.objects.get(kind="item")
    e = evaluation_give(
        actor=case.world.applicant, invitation_id=inv.pk, level=5, guide_level=5, text="部门很专业"
    )
    client.force_login(case.world.officer_user)
    assert client.get(f"/evaluation/reviews/{e.pk}/").status_code == 404
    client.force_login(case.world.guide)
    assert "部门很专业" in client.get(f"/evaluation/reviews/{e.pk}/").content.decode()


def test_huge_ids_and_levels_in_forms_are_refused_not_a_server_error(client, case):
    inv = complete_service(case)
    client.force_login(case.world.applicant)
    bad = client.post(
        f"/evaluation/invitations/{inv.pk}/", {"action": "give", "level": "1", "reasons": "9" * 25}
    )
    assert bad.status_code == 400 and "差评原因" in bad.content.decode()
    client.force_login(case.world.center_admin)
    assert client.get("/evaluation/reviews/?level=" + "9" * 25).status_code == 200
    assert (
        client.post("/evaluation/settings/", {"action": "reason_toggle", "id": "9" * 25}).status_code
        == 404  # no such reason: looks missing, not a 500
    )
