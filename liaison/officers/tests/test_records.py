"""officer_record_add: the centre keeps the service record; others cannot write to it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.officers.models import OfficerRecordKind
from liaison.officers.selectors.officer_record import officer_record_list
from liaison.officers.services.officer_record import officer_record_add
from liaison.officers.tests.conftest import table_counts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "kind", [OfficerRecordKind.TRAINING, OfficerRecordKind.COMMENDATION, OfficerRecordKind.NOTE]
)
def test_center_admin_adds_training_commendation_and_notes(center_admin, other_officer, kind):
    entry = officer_record_add(
        actor=center_admin,
        officer=other_officer,
        kind=kind,
        date=datetime.date(2024, 3, 2),
        text="参加业务培训",
    )

    assert entry.kind == kind
    assert entry.recorded_by == center_admin
    event = AuditEvent.objects.get(action="officer_record.add")
    assert event.object_id == str(entry.pk)
    assert event.changes["diff"]["text"] == [None, "参加业务培训"]


def test_the_record_lists_newest_first(center_admin, other_officer):
    officer_record_add(
        actor=center_admin, officer=other_officer, kind="training", date=datetime.date(2024, 1, 5), text="旧"
    )
    officer_record_add(
        actor=center_admin, officer=other_officer, kind="note", date=datetime.date(2024, 6, 5), text="新"
    )

    texts = [e.text for e in officer_record_list(officer=other_officer)]

    assert texts[-2:] == ["新", "旧"]  # the registration line of today comes first


@pytest.mark.parametrize(
    "case",
    [
        ("registered", datetime.date(2024, 1, 1), "伪造登记", "kind", "记录类型无效"),
        ("status", datetime.date(2024, 1, 1), "伪造状态", "kind", "记录类型无效"),
        ("bogus", datetime.date(2024, 1, 1), "x", "kind", "记录类型无效"),
        ("note", None, "x", "date", "请填写日期"),
        ("note", timezone.localdate() + datetime.timedelta(days=1), "x", "date", "不能晚于今天"),
        ("note", datetime.date(2024, 1, 1), "  ", "text", "请填写内容"),
        ("note", datetime.date(2024, 1, 1), "长" * 501, "text", "500"),
    ],
)
def test_bad_record_lines_are_refused_and_nothing_saved(center_admin, other_officer, case):
    kind, date, text, field, message = case
    before = table_counts()

    with pytest.raises(DomainError, match=message) as exc:
        officer_record_add(actor=center_admin, officer=other_officer, kind=kind, date=date, text=text)

    assert exc.value.field == field
    assert table_counts() == before


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("center_leader", PermissionDenied),
        ("supervisor", PermissionDenied),
        ("guide_user", NotFound),
        ("applicant", NotFound),
        ("dept_admin", NotFound),
    ],
)
def test_only_the_center_admin_adds_record_lines(request, other_officer, persona, error):
    actor = request.getfixturevalue(persona)
    before = table_counts()

    with pytest.raises(error):
        officer_record_add(
            actor=actor, officer=other_officer, kind="note", date=timezone.localdate(), text="x"
        )

    assert table_counts() == before


def test_an_officer_cannot_write_their_own_record_nor_anothers(officer, other_officer):
    with pytest.raises(PermissionDenied):
        officer_record_add(
            actor=officer.user, officer=officer, kind="commendation", date=timezone.localdate(), text="自夸"
        )
    with pytest.raises(NotFound):
        officer_record_add(
            actor=officer.user, officer=other_officer, kind="note", date=timezone.localdate(), text="x"
        )
