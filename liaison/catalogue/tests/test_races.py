"""Two people acting at once: exactly one wins, the other gets a clear refusal.

On PostgreSQL the workers run in real threads released together by a barrier; SQLite serialises
writers anyway, so there they run one after the other and the same outcome is asserted.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from liaison.catalogue.models import GuideAssignment, GuideChange, GuideChangeStatus, ItemPrerequisite
from liaison.catalogue.services.guides import guide_change_propose, guide_change_register
from liaison.catalogue.services.items import item_update
from liaison.catalogue.tests.builders import START, assign, make_item
from liaison.core.errors import DomainError
from liaison.directory.roles import Role
from liaison.testing.personas import make_user


def _race(workers: list[Callable[[], object]]) -> tuple[list[object], list[BaseException]]:
    racing = connection.vendor == "postgresql"
    results: list[object] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(workers) if racing else 1)

    def run(work: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results.append(work())
        except BaseException as exc:
            errors.append(exc)
        finally:
            if racing:
                connections.close_all()

    if racing:
        threads = [threading.Thread(target=run, args=(w,)) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    else:
        for work in workers:
            run(work)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_two_admins_registering_the_same_change_at_once_apply_it_once(
    center_admin, dept_admin, department, guide_user, second_guide
):
    item = make_item(center_admin, department)
    assign(center_admin, item, guide_user)
    change = guide_change_propose(
        actor=dept_admin,
        item=item,
        new_guide=second_guide,
        effective_date=START + datetime.timedelta(days=7),
        reason="调岗",
    )
    other_admin = make_user("t_centre_race", roles=(Role.CENTER_ADMIN,))
    copies = [GuideChange.objects.get(pk=change.pk), GuideChange.objects.get(pk=change.pk)]
    results, errors = _race(
        [
            lambda: guide_change_register(actor=center_admin, change=copies[0]),
            lambda: guide_change_register(actor=other_admin, change=copies[1]),
        ]
    )
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert "已被处理" in str(errors[0].message)
    assert GuideAssignment.objects.filter(item=item).count() == 2
    assert GuideAssignment.objects.get(item=item, is_active=True).guide == second_guide
    assert GuideChange.objects.get(pk=change.pk).status == GuideChangeStatus.REGISTERED


@pytest.mark.django_db(transaction=True)
def test_two_proposals_for_one_item_at_once_leave_one_open(center_admin, dept_admin, department, guide_user):
    item = make_item(center_admin, department)
    assign(center_admin, item, guide_user)
    candidates = [make_user(f"t_race_guide{i}", roles=(Role.GUIDE,), department=department) for i in range(2)]
    results, errors = _race(
        [
            lambda g=g: guide_change_propose(
                actor=dept_admin, item=item, new_guide=g, effective_date=START, reason="调岗"
            )
            for g in candidates
        ]
    )
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert GuideChange.objects.filter(item=item, status=GuideChangeStatus.PROPOSED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_edits_that_together_would_close_a_cycle_cannot_both_succeed(center_admin, department):
    a = make_item(center_admin, department, "A001", "事项甲")
    b = make_item(center_admin, department, "B002", "事项乙")
    results, errors = _race(
        [
            lambda: item_update(actor=center_admin, item=a, prerequisite_ids=[b.pk]),
            lambda: item_update(actor=center_admin, item=b, prerequisite_ids=[a.pk]),
        ]
    )
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert "前置事项形成循环" in str(errors[0].message)
    assert ItemPrerequisite.objects.count() == 1
