"""The centre's decisions: acceptance with a gapless service number, return, rejection, lost races."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError
from liaison.intake.models import EntrustmentStatus, Project, ServiceNumberCounter
from liaison.intake.services.numbering import service_number_next
from liaison.intake.services.review import entrustment_accept, entrustment_reject
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    footprint,
    make_project,
    request_in,
    world,
)
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


class Rollback(Exception):
    pass


def submitted(world, name: str = "项目"):
    project = make_project(world.applicant, name=name)
    return request_in("submitted", applicant=world.applicant, admin=world.center_admin, project=project)


def test_acceptance_registers_the_project_with_the_next_service_number(world):
    first = entrustment_accept(
        actor=world.center_admin, entrustment=submitted(world, "甲"), comment="材料齐全"
    )
    second = entrustment_accept(actor=world.center_admin, entrustment=submitted(world, "乙"))

    assert first.project.service_number == f"WH-{YEAR}-0001"
    assert second.project.service_number == f"WH-{YEAR}-0002"
    assert first.project.registered_at is not None
    assert (first.decided_by, first.decision_reason) == (world.center_admin, "材料齐全")
    event = AuditEvent.objects.get(action="entrustment.accept", object_id=str(first.pk))
    assert event.changes["diff"]["service_number"] == [None, f"WH-{YEAR}-0001"]
    note = world.applicant.notifications.get(kind="entrustment.accepted", title__contains="甲")
    assert f"WH-{YEAR}-0001" in note.title


def test_the_number_pattern_comes_from_settings(world, settings):
    settings.SERVICE_NUMBER_PATTERN = "KM-WH-{year}-{seq:05d}"
    accepted = entrustment_accept(actor=world.center_admin, entrustment=submitted(world))
    assert accepted.project.service_number == f"KM-WH-{YEAR}-00001"


def test_numbers_are_counted_per_year(world):
    entrustment_accept(actor=world.center_admin, entrustment=submitted(world, "甲"))
    with transaction.atomic():
        other_year = service_number_next(year=YEAR - 1)
    latest = entrustment_accept(actor=world.center_admin, entrustment=submitted(world, "乙"))

    assert other_year == f"WH-{YEAR - 1}-0001"
    assert latest.project.service_number == f"WH-{YEAR}-0002"
    assert dict(ServiceNumberCounter.objects.values_list("year", "last")) == {YEAR: 2, YEAR - 1: 1}


def test_a_rolled_back_acceptance_does_not_use_up_a_number(world):
    doomed = submitted(world, "回滚")
    with pytest.raises(Rollback), transaction.atomic():
        entrustment_accept(actor=world.center_admin, entrustment=doomed)
        assert Project.objects.get(pk=doomed.project_id).service_number == f"WH-{YEAR}-0001"
        raise Rollback

    assert Project.objects.get(pk=doomed.project_id).service_number is None
    accepted = entrustment_accept(actor=world.center_admin, entrustment=submitted(world, "成功"))
    assert accepted.project.service_number == f"WH-{YEAR}-0001"
    retried = entrustment_accept(actor=world.center_admin, entrustment=doomed)
    assert retried.project.service_number == f"WH-{YEAR}-0002"


def test_a_refused_acceptance_does_not_use_up_a_number(world):
    accepted = entrustment_accept(actor=world.center_admin, entrustment=submitted(world, "甲"))
    with pytest.raises(Conflict):
        entrustment_accept(actor=world.center_admin, entrustment=accepted)
    assert entrustment_accept(
        actor=world.center_admin, entrustment=submitted(world, "乙")
    ).project.service_number == (f"WH-{YEAR}-0002")


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_the_accepting_transaction_is_a_programming_error():
    with pytest.raises(RuntimeError):
        service_number_next(year=YEAR)
    assert not ServiceNumberCounter.objects.exists()


def test_a_second_reviewer_is_told_who_decided_first(world):
    colleague = make_user("t_center_admin_2", roles=("center_admin",), full_name="审核员乙")
    request = submitted(world)
    entrustment_accept(actor=world.center_admin, entrustment=request)
    before = footprint(request)

    with pytest.raises(Conflict, match="已由 中心管理员 处理（当前状态：已受理）"):
        entrustment_reject(actor=colleague, entrustment=request, reason="重复")

    assert footprint(request) == before


def test_rejection_needs_a_reason_which_the_enterprise_is_told(world):
    request = submitted(world)
    before = footprint(request)
    with pytest.raises(DomainError, match="不予受理的理由") as caught:
        entrustment_reject(actor=world.center_admin, entrustment=request, reason="   ")
    assert caught.value.field == "reason"
    assert footprint(request) == before

    rejected = entrustment_reject(actor=world.center_admin, entrustment=request, reason="不属于社会投资项目")

    assert rejected.status == EntrustmentStatus.REJECTED
    assert rejected.decision_reason == "不属于社会投资项目"
    assert "不属于社会投资项目" in world.applicant.notifications.get(kind="entrustment.rejected").body
    assert rejected.project.service_number is None


def test_an_overlong_reason_is_refused(world):
    with pytest.raises(DomainError, match="不能超过"):
        entrustment_reject(actor=world.center_admin, entrustment=submitted(world), reason="长" * 2001)
