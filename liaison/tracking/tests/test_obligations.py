"""The enterprise's dated to-dos (Art. 9): who sets them, who ticks them off, and clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.intake.tests.test_services_support import register_enterprise
from liaison.notifications.models import Notification
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.selectors.materials import access_obligation, obligation_list
from liaison.tracking.services.obligations import obligation_complete, obligation_create
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(track):
    return draft(track.world, track.project, START)


def create(actor, track, **overrides):
    values = {
        "kind": "attendance",
        "title": "法定代表人到窗口现场签字",
        "due_on": timezone.localdate() + dt.timedelta(days=3),
        "details": "携带身份证原件。",
    }
    return obligation_create(actor=actor, project=track.project, **{**values, **overrides})


def test_the_officer_sets_a_dated_to_do_and_the_enterprise_is_told(track, plan):
    todo = create(track.world.officer_user, track)
    assert (todo.kind, todo.done, todo.created_by) == ("attendance", False, track.world.officer_user)
    note = Notification.objects.get(kind="obligation.created", recipient=track.world.applicant)
    assert "法定代表人到窗口现场签字" in note.title and "携带身份证原件" in note.body
    assert AuditEvent.objects.filter(action="obligation.create").exists()


def test_a_guide_sets_to_dos_for_their_own_item_only(track, plan, second_guide):
    w = track.world
    a = item_of(track.project, "A")
    assert create(w.guide, track, kind="fee", title="缴纳工本费", project_item=a).project_item == a
    with pytest.raises(PermissionDenied):
        create(w.guide, track, title="缴费")  # not tied to their item
    with pytest.raises(PermissionDenied):
        create(second_guide, track, project_item=a)
    with pytest.raises(NotFound):
        create(track.other_officer.user, track)
    with pytest.raises(PermissionDenied):
        create(w.applicant, track)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"title": "  "}, "title"),
        ({"due_on": None}, "due_on"),
        ({"due_on": dt.date(2020, 1, 2)}, "due_on"),
    ],
    ids=["unknown-kind", "no-title", "no-date", "past-date"],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(track, plan, overrides, field):
    with pytest.raises(DomainError) as caught:
        create(track.world.officer_user, track, **overrides)
    assert caught.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value.message))
    assert not EnterpriseObligation.objects.exists()


def test_the_enterprise_ticks_off_its_to_do_once(track, plan):
    w = track.world
    todo = create(w.officer_user, track)
    with pytest.raises(PermissionDenied):
        obligation_complete(actor=w.supervisor, obligation=todo)
    done = obligation_complete(actor=w.applicant, obligation=todo)
    assert (done.done, done.done_by) == (True, w.applicant)
    with pytest.raises(Conflict):
        obligation_complete(actor=w.officer_user, obligation=todo)
    with pytest.raises(NotFound):
        obligation_complete(actor=register_enterprise("别家公司"), obligation=todo)


def test_to_do_lists_are_scoped_to_the_reader(track, plan):
    w = track.world
    todo = create(w.officer_user, track)
    assert list(obligation_list(user=w.applicant)) == [todo]
    assert list(obligation_list(user=w.officer_user, project=track.project)) == [todo]
    assert list(obligation_list(user=w.supervisor)) == [todo]
    assert list(obligation_list(user=register_enterprise("别家公司"))) == []
    assert list(obligation_list(user=track.other_officer.user, project=track.project)) == []
    assert access_obligation(w.applicant, todo.pk) == todo
    with pytest.raises(NotFound):
        access_obligation(track.other_officer.user, todo.pk)
