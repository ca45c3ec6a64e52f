"""A request's later life: withdrawal before review, return with everything missing at once, resubmission."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.core.errors import Conflict, DomainError
from liaison.intake.models import EntrustmentStatus
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
    entrustment_withdraw,
)
from liaison.intake.services.projects import project_update
from liaison.intake.services.review import entrustment_accept, entrustment_return
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    footprint,
    request_in,
    world,
)

pytestmark = pytest.mark.django_db


def test_a_submitted_request_can_be_withdrawn_before_review_and_then_not_decided(world):
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin)

    withdrawn = entrustment_withdraw(actor=world.applicant, entrustment=submitted, reason="计划调整")

    assert withdrawn.status == EntrustmentStatus.WITHDRAWN
    assert withdrawn.transitions.last().comment == "计划调整"
    with pytest.raises(Conflict, match="项目经办人"):  # the applicant acted first
        entrustment_accept(actor=world.center_admin, entrustment=withdrawn)


def test_a_request_cannot_be_withdrawn_once_accepted(world):
    accepted = request_in("accepted", applicant=world.applicant, admin=world.center_admin)
    before = footprint(accepted)
    with pytest.raises(DomainError, match="已受理"):
        entrustment_withdraw(actor=world.applicant, entrustment=accepted)
    assert footprint(accepted) == before


def test_return_lists_every_missing_item_at_once_and_the_resubmission_is_accepted(world):
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    missing = ["项目备案证明复印件", "用地红线图", " ", "项目经办人授权委托书"]

    returned = entrustment_return(
        actor=world.center_admin, entrustment=submitted, missing=missing, comment="请一次性补齐"
    )

    assert returned.status == EntrustmentStatus.RETURNED
    assert returned.missing_information == ["项目备案证明复印件", "用地红线图", "项目经办人授权委托书"]
    note = world.applicant.notifications.get(kind="entrustment.returned")
    assert "1. 项目备案证明复印件\n2. 用地红线图\n3. 项目经办人授权委托书" in note.body

    # The enterprise completes the project and the request, and submits again.
    project_update(actor=world.applicant, project=returned.project, national_code="2603-530102-04-01-100231")
    completed = entrustment_save_draft(
        actor=world.applicant, project=returned.project, scope="full", notes="已补齐", entrustment=returned
    )
    again = entrustment_submit(actor=world.applicant, entrustment=completed, accept_terms=True)
    accepted = entrustment_accept(actor=world.center_admin, entrustment=again)

    assert accepted.status == EntrustmentStatus.ACCEPTED
    steps = list(accepted.transitions.values_list("from_status", "to_status"))
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "accepted"),
    ]


def test_a_return_without_any_missing_item_is_refused(world):
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin)
    before = footprint(submitted)
    with pytest.raises(DomainError, match="一次性告知") as caught:
        entrustment_return(actor=world.center_admin, entrustment=submitted, missing=["", "  "])
    assert caught.value.field == "missing"
    assert footprint(submitted) == before
