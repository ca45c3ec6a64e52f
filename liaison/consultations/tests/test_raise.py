"""Raising a consultation: routing to the item's guide, validation, numbering, deadline, notification."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.consultations.models import Consultation, ConsultationState
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db


def test_routed_to_the_items_current_guide_with_a_working_day_deadline(desk):
    c = desk.raise_()
    assert c.guide == desk.guide and c.first_contact == desk.guide
    assert c.state == ConsultationState.AWAITING_REPLY
    assert c.reply_due == add_working_days(timezone.localdate(), 2)
    assert c.number == f"ZX-{timezone.localdate().year}-0001"
    assert list(c.project_items.all()) == [desk.project_item()]
    assert Notification.objects.filter(recipient=desk.guide, kind="consultation.raised").count() == 1
    assert AuditEvent.objects.filter(action="consultation.raise").count() == 1
    assert c.events.get().kind == "raised"


def test_numbers_follow_each_other(desk):
    first, second = desk.raise_(), desk.raise_()
    assert int(second.number.rsplit("-", 1)[1]) == int(first.number.rsplit("-", 1)[1]) + 1


def test_numbering_goes_on_past_the_ten_thousandth_of_a_year(desk):
    first = desk.raise_()
    year = timezone.localdate().year
    Consultation.objects.filter(pk=first.pk).update(number=f"ZX-{year}-9999")
    assert desk.raise_().number == f"ZX-{year}-10000"
    assert desk.raise_().number == f"ZX-{year}-10001"  # not 10000 again: text order puts 9999 after it


def test_without_project_items_the_catalogue_item_decides(desk):
    c = desk.raise_(project_items=[], approval_item=desk.other_item)
    assert c.guide == desk.other_guide


def test_items_of_different_guides_are_refused(desk):
    with pytest.raises(DomainError) as err:
        desk.raise_(project_items=[desk.project_item(), desk.project_item(desk.other_item)])
    assert err.value.field == "project_items"
    assert not Consultation.objects.exists()


def test_an_item_of_another_project_is_refused(desk):
    with pytest.raises(DomainError) as err:
        desk.raise_(project_items=[999_999])
    assert err.value.field == "project_items"


def test_an_item_without_guide_is_refused(desk, world, department):
    from liaison.tracking.tests.builders import make_catalogue_item

    orphan = make_catalogue_item(world.center_admin, department, "DRC-Z")
    with pytest.raises(DomainError) as err:
        desk.raise_(project_items=[], approval_item=orphan)
    assert "暂无在任的专职指导员" in err.value.message


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"subject": "  "}, "subject"),
        ({"situation": ""}, "situation"),
        ({"requests": ""}, "requests"),
        ({"channel": "fax"}, "channel"),
        ({"channel": "online", "held_on": dt.date(2026, 1, 5), "contact_notes": "x"}, "held_on"),
        ({"held_on": dt.date(2099, 1, 1), "contact_notes": "x"}, "held_on"),
        ({"held_on": dt.date(2026, 1, 5)}, "contact_notes"),
        ({"wanted_reply_by": dt.date(2020, 1, 1)}, "wanted_reply_by"),
        ({"subject": "长" * 201}, "subject"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(desk, overrides, field):
    with pytest.raises(DomainError) as err:
        desk.raise_(**overrides)
    assert err.value.field == field
    assert not Consultation.objects.exists()


def test_a_phone_call_already_held_is_recorded_after_the_fact(desk):
    c = desk.raise_(
        channel="phone",
        held_on=dt.date(2026, 1, 5),
        participants="联络官甲、指导员甲",
        contact_notes="电话沟通材料要求",
    )
    assert (c.held_on, c.participants, c.contact_notes) == (
        dt.date(2026, 1, 5),
        "联络官甲、指导员甲",
        "电话沟通材料要求",
    )


def test_only_the_projects_officer_raises(desk, world):
    from liaison.consultations.services.consultations import consultation_raise

    with pytest.raises(NotFound):
        consultation_raise(
            actor=world.applicant.__class__.objects.get(pk=world.other_applicant.pk),
            project=desk.project,
            subject="s",
            situation="s",
            requests="r",
            channel="phone",
            approval_item=desk.item,
        )
    with pytest.raises(PermissionDenied):
        consultation_raise(
            actor=world.center_admin,
            project=desk.project,
            subject="s",
            situation="s",
            requests="r",
            channel="phone",
            approval_item=desk.item,
        )
    assert not Consultation.objects.exists()
