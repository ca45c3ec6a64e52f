"""Two registrations of the same complaint at the same moment: one wins, the other is told (the row lock
on PostgreSQL, IMMEDIATE transactions on SQLite — see liaison/intake/tests/test_concurrency.py)."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.complaints.models import Complaint, ComplaintStep
from liaison.complaints.services.business import complaint_register
from liaison.complaints.services.integrity import integrity_register
from liaison.complaints.tests.support import lodge_business, lodge_integrity
from liaison.core.errors import DomainError
from liaison.intake.tests.test_concurrency import at_once, shared_database  # noqa: F401 - fixtures
from liaison.testing.personas import make_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_centre_staff_registering_one_business_complaint_one_wins(shared_database, case):
    w = case.world
    second = make_user("t_center_admin_2", roles=("center_admin",), full_name="中心乙")
    c = lodge_business(case).complaint
    results = at_once(
        [
            lambda a=a: complaint_register(actor=a, complaint_id=c.pk, investigator_id=a.pk)
            for a in (w.center_admin, second)
        ]
    )
    wins = [r for r in results if isinstance(r, Complaint)]
    losses = [r for r in results if isinstance(r, DomainError)]
    assert (len(wins), len(losses)) == (1, 1), results
    assert "不能执行" in str(losses[0].message)
    assert ComplaintStep.objects.filter(complaint=c, name="register").count() == 1


def test_two_supervisors_registering_one_integrity_complaint_one_wins(shared_database, case):
    second = make_user("t_supervisor_2", roles=("supervisor",), full_name="纪检乙")
    c = lodge_integrity(case).complaint
    results = at_once(
        [lambda a=a: integrity_register(actor=a, complaint_id=c.pk) for a in (case.world.supervisor, second)]
    )
    assert sorted(type(r).__name__ for r in results) == ["Complaint", "DomainError"], results
    assert ComplaintStep.objects.filter(complaint=c, name="register").count() == 1
