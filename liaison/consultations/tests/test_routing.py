"""首问负责: forwarding, acceptance, and re-routing when an item's guide changes."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.catalogue.services.guides import guide_assign
from liaison.consultations.models import ConsultationState, Forwarding
from liaison.consultations.selectors.consultations import consultation_detail, consultation_list
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.directory.roles import Role
from liaison.notifications.models import Notification
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
S = ConsultationState


def test_forward_keeps_first_contact_until_accepted(desk):
    c = desk.raise_()
    c = consultation_forward(actor=desk.guide, consultation=c, to_item=desk.other_item, note="属规划许可事项")
    assert (c.state, c.guide, c.first_contact, c.approval_item) == (
        S.FORWARDED,
        desk.other_guide,
        desk.guide,
        desk.other_item,
    )
    detail = consultation_detail(desk.guide, c.pk)
    assert detail.awaiting_acceptance is not None and detail.awaiting_acceptance.to_guide == desk.other_guide
    assert Notification.objects.filter(recipient=desk.other_guide, kind="consultation.forwarded").exists()

    c = consultation_accept_forward(actor=desk.other_guide, consultation=c)
    assert c.state == S.AWAITING_REPLY
    detail = consultation_detail(desk.guide, c.pk)  # the first guide still sees it and the chain
    assert detail.awaiting_acceptance is None
    assert [(f.from_guide, f.to_guide) for f in detail.chain] == [(desk.guide, desk.other_guide)]
    assert Notification.objects.filter(recipient=desk.guide, kind="consultation.accepted").exists()


def test_forward_needs_a_note_and_another_item(desk):
    c = desk.raise_()
    with pytest.raises(DomainError) as err:
        consultation_forward(actor=desk.guide, consultation=c, to_item=desk.other_item, note=" ")
    assert err.value.field == "note"
    with pytest.raises(DomainError) as err:
        consultation_forward(actor=desk.guide, consultation=c, to_item=desk.item, note="转")
    assert err.value.field == "to_item"
    assert not Forwarding.objects.exists()


def test_only_the_guide_addressed_forwards_or_accepts(desk, world):
    c = desk.raise_()
    with pytest.raises(NotFound):
        consultation_forward(actor=desk.other_guide, consultation=c, to_item=desk.other_item, note="转")
    with pytest.raises(PermissionDenied):
        consultation_forward(actor=desk.officer, consultation=c, to_item=desk.other_item, note="转")
    c = consultation_forward(actor=desk.guide, consultation=c, to_item=desk.other_item, note="转")
    with pytest.raises(PermissionDenied):  # the first contact reads, the receiver accepts
        consultation_accept_forward(actor=desk.guide, consultation=c)


def test_a_forwarded_matter_can_be_passed_on_and_the_chain_grows(desk, world, department):
    from liaison.tracking.tests.builders import make_catalogue_item

    third_guide = make_user("t_guide3", roles=(Role.GUIDE,), department=department, full_name="指导员丁")
    third = make_catalogue_item(world.center_admin, department, "DRC-C", guide=third_guide)
    c = desk.raise_()
    c = consultation_forward(actor=desk.guide, consultation=c, to_item=desk.other_item, note="一转")
    c = consultation_forward(actor=desk.other_guide, consultation=c, to_item=third, note="二转")
    assert c.guide == third_guide and c.first_contact == desk.guide
    c = consultation_accept_forward(actor=third_guide, consultation=c)
    assert c.forwardings.filter(accepted_at__isnull=True).count() == 0
    assert c.forwardings.count() == 2
    # every guide of the chain still sees it
    for guide in (desk.guide, desk.other_guide, third_guide):
        assert consultation_list(guide).filter(pk=c.pk).exists()


def test_guide_change_moves_open_consultations_to_the_new_guide(desk, world, department):
    new_guide = make_user("t_guide_new", roles=(Role.GUIDE,), department=department, full_name="指导员新")
    open_one = desk.raise_()
    guide_assign(
        actor=world.center_admin,
        item=desk.item,
        guide=new_guide,
        effective_date=dt.date(2026, 3, 2),
        reason="岗位调整",
    )
    open_one.refresh_from_db()
    assert open_one.guide == new_guide and open_one.state == S.AWAITING_REPLY
    hand_over = open_one.forwardings.get()
    assert hand_over.automatic and (hand_over.from_guide, hand_over.to_guide) == (desk.guide, new_guide)
    assert open_one.events.filter(kind="rerouted").exists()
    for person in (desk.guide, new_guide):  # both see the hand-over
        assert Notification.objects.filter(recipient=person, kind="consultation.rerouted").exists()
        assert consultation_list(person).filter(pk=open_one.pk).exists()


def test_guide_change_leaves_finished_and_other_items_alone(desk, world, department):
    from liaison.consultations.services.consultations import consultation_withdraw

    done = consultation_withdraw(actor=desk.officer, consultation=desk.raise_(), reason="已电话解决")
    elsewhere = desk.raise_(project_items=[], approval_item=desk.other_item)
    new_guide = make_user("t_guide_new", roles=(Role.GUIDE,), department=department)
    guide_assign(
        actor=world.center_admin,
        item=desk.item,
        guide=new_guide,
        effective_date=dt.date(2026, 3, 2),
        reason="调整",
    )
    done.refresh_from_db()
    elsewhere.refresh_from_db()
    assert done.guide == desk.guide and elsewhere.guide == desk.other_guide
    assert not Forwarding.objects.exists()
