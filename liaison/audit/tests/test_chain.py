"""The hash chain: linked events, written in the caller's transaction, verified end to end."""

from __future__ import annotations

import importlib

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from liaison.audit.hashing import GENESIS_HASH, event_hash
from liaison.audit.models import AuditChainHead, AuditEvent
from liaison.audit.services.events import audit_record, diff, snapshot
from liaison.audit.services.verify import audit_chain_verify
from liaison.audit.tests.helpers import record

pytestmark = pytest.mark.django_db
TRIGGER = "audit_event_no_update_delete"
SQLITE_TRIGGERS = importlib.import_module("liaison.audit.migrations.0005_keyed_chain_and_sqlite_triggers")


def _tamper(sql: str, params: list[object]) -> None:
    """Change rows behind the application's back, as someone with database access could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE needs the test transaction's deferred foreign-key checks run first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {TRIGGER}")
            try:
                cursor.execute(sql, params)
            finally:
                cursor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {TRIGGER}")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            for drop in SQLITE_TRIGGERS.SQLITE_DROP:
                cursor.execute(drop)
            try:
                cursor.execute(sql, params)
            finally:
                for create in SQLITE_TRIGGERS.SQLITE_CREATE:
                    cursor.execute(create)


def test_each_event_carries_the_hash_of_the_one_before(center_admin):
    first, second, third = record(center_admin, n=3)
    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    stored = AuditEvent.objects.get(seq=2)
    assert event_hash(stored) == stored.hash
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_seq, head.last_hash) == (3, third.hash)


def test_an_event_records_who_what_and_the_changed_fields_only(center_admin, department):
    before = snapshot(department, ["name", "phone", "is_active"])
    after = {**before, "phone": "0871-63199999"}
    event = audit_record(
        actor=center_admin, action="department.update", obj=department, before=before, after=after
    )
    assert event.object_type == "directory.department"
    assert event.object_id == str(department.pk)
    assert event.object_repr == "区发展和改革局"
    assert event.actor_name == "中心管理员"
    assert event.acting_role == "center_admin"
    assert event.source == "system"  # no request: a command or a test
    assert event.changes == {"diff": {"phone": ["", "0871-63199999"]}}
    assert diff({"a": 1}, {"a": 1}) == {}


def test_an_event_rolls_back_with_the_callers_transaction(center_admin):
    record(center_admin, n=1)

    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        record(center_admin, n=1, summary="will be rolled back")
        assert AuditEvent.objects.count() == 2
        raise Boom
    assert AuditEvent.objects.count() == 1
    assert not AuditEvent.objects.filter(summary="will be rolled back").exists()
    # The chain head rolled back too: the next event follows the one that committed.
    (nxt,) = record(center_admin, n=1)
    assert nxt.seq == 2
    assert audit_chain_verify().ok


def test_audit_verify_command_passes_on_an_intact_chain(center_admin, capsys):
    record(center_admin, n=4)
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "4" in out
    assert "intact" in out


def test_audit_verify_passes_on_an_empty_trail():
    report = audit_chain_verify()
    assert report.ok
    assert report.checked == 0


def test_the_database_refuses_raw_updates_and_the_verifier_names_the_first_broken_link(center_admin):
    record(center_admin, n=6)
    update = "UPDATE audit_auditevent SET summary = %s WHERE seq = %s"
    if True:
        # The append-only trigger refuses the change in the database itself.
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute(update, ["篡改", 3])
        assert AuditEvent.objects.get(seq=3).summary == "修改第3次"
    _tamper(update, ["篡改", 3])
    _tamper(update, ["再次篡改", 5])
    assert AuditEvent.objects.get(seq=3).summary == "篡改"

    report = audit_chain_verify()
    assert not report.ok
    assert report.broken_seq == 3
    assert report.checked == 2
    with pytest.raises(CommandError, match="#3"):
        call_command("audit_verify")


def test_a_relinked_event_is_reported(center_admin):
    events = record(center_admin, n=3)
    _tamper("UPDATE audit_auditevent SET prev_hash = %s WHERE seq = %s", [events[0].prev_hash, 2])
    report = audit_chain_verify()
    assert report.broken_seq == 2
    assert "前序哈希" in report.reason


def test_a_deleted_event_in_the_middle_is_reported_as_missing(center_admin):
    record(center_admin, n=4)
    _tamper("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    report = audit_chain_verify()
    assert report.broken_seq == 2
    assert "缺失" in report.reason


def test_events_cut_off_the_end_are_reported_through_the_chain_head(center_admin):
    record(center_admin, n=4)
    _tamper("DELETE FROM audit_auditevent WHERE seq >= %s", [3])
    report = audit_chain_verify()
    assert report.broken_seq == 3
    assert report.checked == 2


def test_a_changed_actor_name_breaks_the_chain(center_admin):
    record(center_admin, n=2)
    _tamper("UPDATE audit_auditevent SET actor_name = %s WHERE seq = %s", ["别人", 2])
    assert audit_chain_verify().broken_seq == 2


def test_a_rewritten_and_rehashed_last_event_disagrees_with_the_chain_head(center_admin):
    events = record(center_admin, n=2)
    last = AuditEvent.objects.get(seq=2)
    last.summary = "改写"
    new_hash = event_hash(last)
    _tamper("UPDATE audit_auditevent SET summary = %s, hash = %s WHERE seq = %s", ["改写", new_hash, 2])
    assert new_hash != events[1].hash
    report = audit_chain_verify()
    assert report.broken_seq == 2
    assert "链头" in report.reason
