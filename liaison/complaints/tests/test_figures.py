"""The figures other apps read: counts per track and month, substantiated complaints per subject."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.complaints.figures import complaint_counts, substantiated_complaints
from liaison.complaints.services import business as svc
from liaison.complaints.services.integrity import integrity_conclude, integrity_register
from liaison.complaints.tests.support import lodge_business, lodge_integrity

pytestmark = pytest.mark.django_db


def _replied(case, finding, **kw):
    w = case.world
    c = lodge_business(case, **kw).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    return svc.complaint_reply(
        actor=w.center_admin, complaint_id=c.pk, finding=finding, measures="整改", reply="答复"
    )


def test_counts_and_substantiated(case):
    w = case.world
    today = timezone.localdate()
    _replied(case, "substantiated")
    _replied(case, "partly", subject_kind="officer", officer_id=w.officer.pk)
    _replied(case, "not_substantiated", subject_kind="department", department_id=w.guide.department_id)
    lodge_business(case)  # received, not concluded
    i = lodge_integrity(case, subject_kind="officer", officer_id=w.officer.pk).complaint
    integrity_register(actor=w.supervisor, complaint_id=i.pk)
    integrity_conclude(
        actor=w.supervisor, complaint_id=i.pk, finding="substantiated", conclusion="属实，已处分"
    )
    lodge_integrity(case)

    counts = complaint_counts()
    assert counts["business"] == {"received": 4, "concluded": 3}
    assert counts["integrity"] == {"received": 2, "concluded": 1}
    assert counts["by_month"] == [{"month": f"{today:%Y-%m}", "received": 6, "concluded": 4}]
    assert complaint_counts(start=today + dt.timedelta(days=1))["business"] == {"received": 0, "concluded": 0}

    found = substantiated_complaints(start=today, end=today)
    assert found == {"officer": {w.officer.pk: 2}, "guide": {w.guide.pk: 1}, "department": {}}
    assert substantiated_complaints(
        start=today - dt.timedelta(days=10), end=today - dt.timedelta(days=1)
    ) == {
        "officer": {},
        "guide": {},
        "department": {},
    }
