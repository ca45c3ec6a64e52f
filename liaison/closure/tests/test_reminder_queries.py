"""The closure reminder job loads the people it tells in bulk: the same number of queries for one service
waiting on the enterprise's receipt as for four (no query per service)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.closure.models import Service
from liaison.closure.services.completion import service_prepare_completion
from liaison.closure.services.reminders import closure_reminders_run
from liaison.deadlines.models import ReminderSent
from liaison.notifications.models import Notification
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.services.project_items import project_item_mark_not_needed
from liaison.tracking.tests.builders import dispatched_project
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db
LINES = [{"name": "建设工程规划许可证", "issuer": "昆明市自然资源和规划局", "copies": 1, "pages": 2}]


def _awaiting_receipt(world, project) -> Service:
    for item in ProjectItem.objects.filter(project=project):
        project_item_mark_not_needed(actor=world.officer_user, project_item=item, reason="本项目无需办理")
    return service_prepare_completion(actor=world.officer_user, project=project, lines=LINES)


def _run_counting(today: dt.date) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        sent = closure_reminders_run(today=today).receipts
    return sent, len(ctx.captured_queries)


def test_the_receipt_reminders_cost_the_same_queries_for_one_service_and_for_four(case):
    w = case.world
    first = _awaiting_receipt(w, case.project)
    late = add_working_days(first.due_on, 1)  # red: the enterprise and the officers are told
    one = _run_counting(late)
    ReminderSent.objects.all().delete()
    Notification.objects.all().delete()
    for n in range(3):
        project = dispatched_project(w, name=f"查询项目{n}")
        plan_draft_from_entrustment(actor=w.officer_user, project=project, start_date=dt.date(2026, 9, 21))
        service = _awaiting_receipt(w, project)
        Service.objects.filter(pk=service.pk).update(due_on=first.due_on)
    four = _run_counting(late)
    assert (one[0], four[0]) == (1, 4)
    assert four[1] == one[1], (one, four)
    told = set(
        Notification.objects.filter(kind="service.reminder.red").values_list("recipient_id", flat=True)
    )
    assert told == {w.applicant.pk, w.officer_user.pk}
