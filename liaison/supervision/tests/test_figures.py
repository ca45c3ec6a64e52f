"""The figures against hand-built examples: inspection_counts by window and month, and the desk's
figures equal to the rows of the lists they link to (tracking's, consultations', evaluation's, ours)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.consultations.models import Consultation
from liaison.consultations.selectors.consultations import consultation_list
from liaison.consultations.services.consultations import consultation_raise
from liaison.evaluation.models import BadReviewReason
from liaison.evaluation.selectors.followups import follow_up_list
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.tests.support import complete_service
from liaison.supervision.figures import inspection_counts
from liaison.supervision.models import Inspection, InspectionState, SubjectType
from liaison.supervision.period import period_from
from liaison.supervision.selectors.desk import desk_sections, figure_counts
from liaison.supervision.selectors.inspections import inspection_list
from liaison.supervision.selectors.lists import bad_review_list
from liaison.tracking.lights import RUNNING_STATES, light_context
from liaison.tracking.models import ProjectItem
from liaison.tracking.selectors.item_list import project_item_filtered

pytestmark = pytest.mark.django_db
D = dt.date


def _inspection(w, *, opened, required=None, closed=None, state=InspectionState.OPEN):
    return Inspection.objects.create(
        subject_type=SubjectType.OFFICER,
        officer=w.officer,
        title="抽查",
        findings="发现",
        opened_by=w.supervisor,
        opened_on=opened,
        rectification_required_on=required,
        closed_on=closed,
        state=state,
    )


def test_inspection_counts_count_each_figure_by_its_own_date_and_month(world):
    w = world
    _inspection(w, opened=D(2026, 10, 30), required=D(2026, 11, 2), closed=D(2026, 11, 20), state="closed")
    _inspection(w, opened=D(2026, 11, 3), required=D(2026, 11, 4), state="rectifying")
    _inspection(w, opened=D(2026, 11, 5))
    _inspection(w, opened=D(2026, 12, 1), closed=D(2026, 12, 1), state="closed")

    november = inspection_counts(start=D(2026, 11, 1), end=D(2026, 11, 30))
    assert november == {
        "opened": 2,
        "rectification_required": 2,
        "closed": 1,
        "by_month": [{"month": "2026-11", "opened": 2, "rectification_required": 2, "closed": 1}],
    }
    everything = inspection_counts()
    assert (everything["opened"], everything["rectification_required"], everything["closed"]) == (4, 2, 2)
    assert everything["by_month"] == [
        {"month": "2026-10", "opened": 1, "rectification_required": 0, "closed": 0},
        {"month": "2026-11", "opened": 2, "rectification_required": 2, "closed": 1},
        {"month": "2026-12", "opened": 1, "rectification_required": 0, "closed": 1},
    ]
    # the list behind each figure has exactly its rows
    for key in ("opened", "rectification_required", "closed"):
        rows = inspection_list(w.supervisor, counted=key, start=D(2026, 11, 1), end=D(2026, 11, 30))
        assert rows.count() == november[key]


def test_the_desk_counts_overdue_items_and_replies_as_the_lists_it_links_to(case, client):
    w = case.world
    ctx = light_context()
    item = ProjectItem.objects.get(pk=case.item.pk)
    assert item.state in RUNNING_STATES
    ProjectItem.objects.filter(pk=item.pk).update(due_on=ctx.today - dt.timedelta(days=2))
    consultation = consultation_raise(
        actor=w.officer_user,
        project=case.project,
        subject="用地规划许可咨询",
        situation="已取得土地",
        requests="请告知材料",
        channel="phone",
        project_items=[item],
    )
    Consultation.objects.filter(pk=consultation.pk).update(reply_due=ctx.today - dt.timedelta(days=1))

    sections = desk_sections(w.supervisor, period_from({}))
    counts = figure_counts(sections)
    assert counts["items_red"] == 1 == project_item_filtered(user=w.supervisor, ctx=ctx, light="red").count()
    assert counts["items_yellow"] == 0 and counts["items_paused"] == 0
    assert counts["replies_red"] == 1 == consultation_list(w.supervisor, light="red").count()
    tables = {t.key: t for s in sections for t in s.tables}
    assert [(r.label, r.values) for r in tables["items_by_department"].rows] == [
        (item.approval_item.department.name, [1])
    ]
    assert [r.values for r in tables["items_by_officer"].rows] == [[1]]
    assert [r.values for r in tables["replies_by_guide"].rows] == [[1]]

    client.force_login(w.supervisor)
    desk = client.get("/supervision/").content.decode()
    assert 'data-testid="figure-items_red" data-count="1"' in desk
    listed = client.get("/tracking/items/?light=red")
    assert listed.status_code == 200 and item.approval_item.name in listed.content.decode()
    assert client.get("/consultations/?light=red").status_code == 200


def test_the_desk_counts_bad_reviews_as_evaluation_figures_and_its_list(case, client):
    w = case.world
    invitation = complete_service(case)
    reason = BadReviewReason.objects.filter(is_active=True).first()
    evaluation_give(
        actor=w.applicant,
        invitation_id=invitation.pk,
        level=1,
        guide_level=None,
        reason_ids=[reason.pk],
        text="多次联系不上",
    )
    today = timezone.localdate()
    counts = figure_counts(desk_sections(w.supervisor, period_from({})))
    assert counts["bad_reviews"] == 1 == bad_review_list(start=today.replace(day=1), end=today).count()
    assert counts["follow_ups_open"] == 1 == len(follow_up_list(w.supervisor, open_only=True))
    # a window before the review counts none, and so does its list
    before = period_from({"period": "custom", "start": "2025-01-01", "end": "2025-01-31"})
    assert figure_counts(desk_sections(w.supervisor, before))["bad_reviews"] == 0
    client.force_login(w.supervisor)
    page = client.get(f"/supervision/bad-reviews/?start={today.replace(day=1)}&end={today}").content.decode()
    assert page.count('data-testid="bad-review-row"') == 1
    assert (
        client.get(f"/evaluation/follow-ups/{invitation.evaluations.get().follow_up.pk}/").status_code == 200
    )


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"period": "custom", "start": "2026-13-01", "end": "2026-12-01"}, "有效的起止日期"),
        ({"period": "custom", "start": "2026-12-01", "end": "2026-11-01"}, "不能晚于"),
    ],
)
def test_a_bad_period_is_told_in_chinese_and_the_desk_shows_this_month(client, world, params, error):
    client.force_login(world.supervisor)
    response = client.get("/supervision/", params)
    assert response.status_code == 400 and error in response.content.decode()
