"""The keyed chain and the heads written outside the database: an edit, a deletion and a rewrite with
recomputed hashes are each detected; without the key a forger cannot match a hash; the database refuses
raw changes on SQLite as on PostgreSQL."""

from __future__ import annotations

import importlib
import json
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from liaison.audit.hashing import GENESIS_HASH, event_hash, unkeyed_hash
from liaison.audit.models import AuditChainHead, AuditEvent
from liaison.audit.services.anchors import anchors_read, audit_head_export
from liaison.audit.services.verify import audit_chain_verify
from liaison.audit.tests.helpers import record
from liaison.audit.tests.test_chain import _tamper

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_log(settings, tmp_path):
    settings.AUDIT_HEAD_LOG = str(tmp_path / "audit-heads.log")
    return tmp_path / "audit-heads.log"


def test_the_hash_is_keyed_and_an_unkeyed_forgery_does_not_verify(center_admin, settings):
    event = record(center_admin)[0]
    assert event.hash == event_hash(event) != unkeyed_hash(event)
    assert event_hash(event, key="another key") != event.hash
    # a forger without the key changes a row and writes the old (unkeyed) kind of hash
    event.summary = "伪造"
    _tamper(
        "UPDATE audit_auditevent SET summary = %s, hash = %s WHERE seq = 1", ["伪造", unkeyed_hash(event)]
    )
    _tamper("UPDATE audit_auditevent SET prev_hash = prev_hash WHERE seq = 1", [])
    AuditChainHead.objects.filter(pk=1).update(last_hash=unkeyed_hash(event))
    assert audit_chain_verify().broken_seq == 1


def test_raw_updates_and_deletes_are_refused_by_the_database(center_admin):
    record(center_admin, n=2)
    for sql in (
        "UPDATE audit_auditevent SET summary = 'x' WHERE seq = 1",
        "DELETE FROM audit_auditevent WHERE seq = 2",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute(sql)
    assert AuditEvent.objects.count() == 2


def test_heads_are_written_once_per_change(center_admin, head_log):
    record(center_admin, n=2)
    assert audit_head_export().seq == 2
    assert audit_head_export() is None  # nothing new
    record(center_admin)
    call_command("audit_export_head")
    lines = [json.loads(line) for line in head_log.read_text().splitlines()]
    assert [row["seq"] for row in lines] == [2, 3]
    assert lines[-1]["hash"] == AuditChainHead.objects.get(pk=1).last_hash


def _rewrite_everything(summary_at: int) -> None:
    """The attack the key alone cannot stop: change an event, recompute every hash after it with the
    key, and move the head, as someone holding both the database and the key could."""
    prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("seq"):
        if event.seq == summary_at:
            event.summary = "改写后的内容"
        event.prev_hash = prev
        event.hash = event_hash(event)
        _tamper(
            "UPDATE audit_auditevent SET summary = %s, prev_hash = %s, hash = %s WHERE seq = %s",
            [event.summary, event.prev_hash, event.hash, event.seq],
        )
        prev = event.hash
    AuditChainHead.objects.filter(pk=1).update(last_hash=prev)


def test_a_rewrite_with_recomputed_hashes_is_caught_by_the_heads_written_outside(center_admin, head_log):
    record(center_admin, n=5)
    audit_head_export()
    record(center_admin, n=2)
    _rewrite_everything(summary_at=3)
    report = audit_chain_verify()
    assert not report.ok and report.broken_seq == 5
    assert "库外记录的链头" in report.reason
    with pytest.raises(CommandError, match="#5"):
        call_command("audit_verify")


def test_the_same_rewrite_passes_without_heads_outside_which_is_why_they_are_kept(center_admin, settings):
    settings.AUDIT_HEAD_LOG = ""
    record(center_admin, n=3)
    _rewrite_everything(summary_at=2)
    assert audit_chain_verify().ok


def test_a_deleted_tail_is_caught_by_the_heads_even_with_the_head_row_moved_back(center_admin, head_log):
    record(center_admin, n=4)
    audit_head_export()
    _tamper("DELETE FROM audit_auditevent WHERE seq >= %s", [3])
    second = AuditEvent.objects.get(seq=2)
    AuditChainHead.objects.filter(pk=1).update(last_seq=2, last_hash=second.hash)
    report = audit_chain_verify()
    assert report.broken_seq == 4 and "缺失" in report.reason
    assert anchors_read()[-1].seq == 4


def _unkeyed_trail(actor) -> None:
    """A trail as it was before the chain was keyed (unkeyed SHA-256 links)."""
    record(actor, n=3)
    prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("seq"):
        event.prev_hash = prev
        event.hash = unkeyed_hash(event)
        _tamper(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE seq = %s",
            [prev, event.hash, event.seq],
        )
        prev = event.hash
    AuditChainHead.objects.filter(pk=1).update(last_hash=prev)


def test_migration_0005_reseals_an_intact_old_trail_and_refuses_a_broken_one(center_admin):
    from django.apps import apps

    migration = importlib.import_module("liaison.audit.migrations.0005_keyed_chain_and_sqlite_triggers")
    _unkeyed_trail(center_admin)
    assert not audit_chain_verify().ok  # the old hashes do not verify under the key
    editor = SimpleNamespace(connection=connection, execute=lambda sql: connection.cursor().execute(sql))
    migration.reseal(apps, editor)
    assert audit_chain_verify().ok
    _tamper("UPDATE audit_auditevent SET summary = %s WHERE seq = 2", ["篡改"])
    with pytest.raises(RuntimeError, match="#1"):
        migration.reseal(
            apps, editor
        )  # keyed hashes are not the old kind: the trail is not re-sealed blindly
