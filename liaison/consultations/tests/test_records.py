"""Guides' and departments' records and the centre's overview of open consultations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from liaison.consultations.lights import Light
from liaison.consultations.models import Consultation, OpinionReply
from liaison.consultations.selectors.records import department_records, guide_records, open_overview
from liaison.consultations.services.replies import MaterialLine, consultation_reply
from liaison.consultations.tests.builders import reply_form

pytestmark = pytest.mark.django_db


def test_guide_record_counts_on_time_late_and_supplementary(desk):
    consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())
    late = desk.raise_()
    Consultation.objects.filter(pk=late.pk).update(reply_due=timezone.localdate() - dt.timedelta(days=3))
    extra = reply_form(supplementary_reason="方案变更")
    extra.materials.append(MaterialLine(name="补充材料", form="copy"))
    consultation_reply(actor=desk.guide, consultation=late, form=extra)
    overdue = desk.raise_()
    Consultation.objects.filter(pk=overdue.pk).update(reply_due=timezone.localdate() - dt.timedelta(days=1))
    desk.raise_(project_items=[], approval_item=desk.other_item)

    rows = {r.key: r for r in guide_records()}
    mine = rows[desk.guide.pk]
    assert (mine.first_replies, mine.on_time, mine.supplementary) == (2, 1, 1)
    assert mine.on_time_rate == 50.0 and mine.average_hours is not None
    assert (mine.open_now, mine.overdue_now) == (1, 1)
    other = rows[desk.other_guide.pk]
    assert (other.first_replies, other.open_now, other.overdue_now) == (0, 1, 0)
    assert other.on_time_rate is None

    only_drc = guide_records(department_id=desk.item.department_id)
    assert [r.key for r in only_drc] == [desk.guide.pk]
    depts = {r.name: r for r in department_records()}
    assert depts[desk.item.department.name].supplementary == 1
    assert depts[desk.other_item.department.name].open_now == 1


def test_open_overview_by_department_and_light_in_a_fixed_number_of_queries(desk):
    desk.raise_()
    red = desk.raise_()
    Consultation.objects.filter(pk=red.pk).update(reply_due=timezone.localdate() - dt.timedelta(days=2))
    desk.raise_(project_items=[], approval_item=desk.other_item)
    open_overview()  # settings row and calendar warm
    with CaptureQueriesContext(connection) as queries:
        overview = open_overview()
    for _n in range(4):
        desk.raise_(project_items=[], approval_item=desk.other_item)
    with CaptureQueriesContext(connection) as more:
        open_overview()
    assert len(more) == len(queries) <= 5  # settings, calendar, one grouped count: not one per row
    by = dict(overview.by_department)
    assert by[desk.item.department.name][Light.RED] == 1
    assert sum(by[desk.item.department.name].values()) == 2
    assert sum(overview.totals.values()) == 3
    assert sum(open_overview().totals.values()) == 7


def test_average_reply_time_is_the_mean_of_the_first_replies_in_hours(desk):
    first, second = desk.raise_(), desk.raise_()
    for consultation in (first, second):
        consultation_reply(actor=desk.guide, consultation=consultation, form=reply_form())
    raised = timezone.now() - dt.timedelta(days=10)
    Consultation.objects.filter(pk__in=[first.pk, second.pk]).update(raised_at=raised)
    OpinionReply.objects.filter(consultation=first).update(replied_at=raised + dt.timedelta(hours=6))
    OpinionReply.objects.filter(consultation=second).update(
        replied_at=raised + dt.timedelta(hours=27, minutes=30)
    )

    mine = {r.key: r for r in guide_records()}[desk.guide.pk]
    assert mine.average_hours == 16.8  # (6 + 27.5) / 2 = 16.75, shown to one decimal
    dept = {r.key: r for r in department_records()}[desk.item.department_id]
    assert dept.average_hours == 16.8
    with CaptureQueriesContext(connection) as queries:
        guide_records()
    assert len(queries) <= 6  # grouped: no query or row per reply
