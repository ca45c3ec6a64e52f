"""Two supervisors closing the same inspection at the same moment: one wins, the other is told the state
has changed; one close step, one audit event."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError
from liaison.intake.tests.test_concurrency import at_once, shared_database  # noqa: F401 - fixtures
from liaison.supervision.models import Inspection, InspectionStep
from liaison.supervision.services.inspections import inspection_close, inspection_report
from liaison.supervision.tests.support import open_inspection
from liaison.testing.personas import make_user

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def race_case(shared_database, case):
    return case


def test_two_closes_at_once_one_wins(race_case):
    w = race_case.world
    second = make_user("t_supervisor_2", roles=("supervisor",), full_name="监督员乙")
    i = open_inspection(race_case, require=True)
    inspection_report(actor=w.officer_user, inspection_id=i.pk, report="已整改")

    results = at_once(
        [
            lambda who=who: inspection_close(actor=who, inspection_id=i.pk, conclusion="整改到位")
            for who in (w.supervisor, second)
        ]
    )

    wins = [r for r in results if isinstance(r, Inspection)]
    losses = [r for r in results if isinstance(r, DomainError)]
    assert (len(wins), len(losses)) == (1, 1), results
    assert "已办结" in str(losses[0].message)
    assert InspectionStep.objects.filter(inspection_id=i.pk, name="close").count() == 1
    assert AuditEvent.objects.filter(action="inspection.close", object_id=str(i.pk)).count() == 1
