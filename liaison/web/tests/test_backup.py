"""Backup and restore (等保 数据备份恢复): a round trip of the database and the uploaded files, on the database
the suite runs on (SQLite by default, PostgreSQL with DATABASE_URL). A restore replaces the test database
with a copy of itself, so the next test finds it as the flush after a transactional test leaves it."""

from __future__ import annotations

import io
import json
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader

from liaison.audit.models import AuditEvent
from liaison.audit.services.anchors import audit_head_export
from liaison.audit.services.events import audit_record
from liaison.audit.services.verify import audit_chain_verify
from liaison.directory.models import User
from liaison.testing.personas import make_user
from liaison.web.backup import MANIFEST_NAME
from liaison.web.backup_restore import sqlite_file_replace

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path) -> Path:
    root = tmp_path / "media"
    (root / "attachments" / "2026").mkdir(parents=True)
    (root / "attachments" / "2026" / "批复.pdf").write_bytes(b"%PDF-1.4 approval")
    (root / "photo.jpg").write_bytes(bytes(range(256)) * 10)
    settings.MEDIA_ROOT = root
    return root


def _backup(tmp_path: Path) -> Path:
    out = io.StringIO()
    call_command("backup_create", to=str(tmp_path / "backups"), stdout=out)
    assert "Backup written" in out.getvalue()
    (archive,) = (tmp_path / "backups").glob("liaison-backup-*.tar.gz")
    return archive


def _rewrite(archive: Path, *, manifest=None, member=None) -> None:
    """Rebuild `archive` with the manifest or one member's content changed by the given functions."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar if m.isfile()]
    with tarfile.open(archive, "w:gz") as tar:
        for info, original in members:
            data = original
            if info.name == MANIFEST_NAME and manifest is not None:
                data = json.dumps(manifest(json.loads(original))).encode()
            elif member is not None and info.name == member[0]:
                data = member[1](original)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def _some_data():
    alice = make_user("alice", full_name="张三")
    audit_record(actor=alice, action="user.update", obj=alice, summary="before the backup")
    return alice


def test_round_trip_brings_back_data_files_and_a_verified_chain(media, tmp_path):
    alice = _some_data()
    events_before = AuditEvent.objects.count()
    archive = _backup(tmp_path)
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST_NAME).read())
    assert manifest["file_count"] == 2
    assert "media/attachments/2026/批复.pdf" in manifest["checksums"]
    [(_app, newest)] = MigrationLoader(connection).graph.leaf_nodes("audit")
    assert (
        manifest["migrations"]["audit"] == newest
    )  # the audit app's last migration, applied by the test run
    assert AuditEvent.objects.filter(action="backup.create").count() == 1  # recorded after the dump

    User.objects.filter(pk=alice.pk).update(full_name="李四")
    make_user("bob")
    (media / "attachments" / "2026" / "批复.pdf").unlink()
    (media / "photo.jpg").write_bytes(b"overwritten")
    (media / "new.txt").write_text("added after the backup")

    out = io.StringIO()
    call_command("backup_restore", source=str(tmp_path / "backups"), yes=True, stdout=out)

    assert User.objects.get(pk=alice.pk).full_name == "张三"
    assert not User.objects.filter(username="bob").exists()
    assert (media / "attachments" / "2026" / "批复.pdf").read_bytes() == b"%PDF-1.4 approval"
    assert (media / "photo.jpg").read_bytes() == bytes(range(256)) * 10
    assert not (media / "new.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "media"]  # no scratch left behind
    # The trail is the backup's (without the backup's own event), plus the restore.
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert len(actions) == events_before + 1
    assert actions[-1] == "backup.restore"
    restore = AuditEvent.objects.get(action="backup.restore")
    assert restore.changes["extra"]["replaced_head"]["seq"] == events_before + 1  # the backup's own event
    assert restore.changes["extra"]["archive_sha256"]
    report = audit_chain_verify()
    assert report.ok, report.reason
    assert "Audit chain intact" in out.getvalue()
    # The restored database takes new writes (the sequences came back too), triggers included.
    make_user("carol")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent")


def _assert_unchanged(media: Path, alice: User) -> None:
    assert User.objects.get(pk=alice.pk).full_name == "改过的"
    assert (media / "photo.jpg").read_bytes() == b"changed"
    assert audit_chain_verify().ok


def test_a_tampered_archive_is_refused_and_nothing_changes(media, tmp_path):
    alice = _some_data()
    archive = _backup(tmp_path)
    User.objects.filter(pk=alice.pk).update(full_name="改过的")
    (media / "photo.jpg").write_bytes(b"changed")

    _rewrite(archive, member=("media/photo.jpg", lambda data: data + b"!"))
    with pytest.raises(CommandError, match=r"校验未通过.*media/photo.jpg"):
        call_command("backup_restore", source=str(archive), yes=True)
    _assert_unchanged(media, alice)

    archive.write_bytes(archive.read_bytes()[:-100])  # cut off
    with pytest.raises(CommandError, match="校验未通过"):
        call_command("backup_restore", source=str(archive), yes=True)
    _assert_unchanged(media, alice)


def test_an_archive_from_another_vendor_or_newer_code_is_refused(media, tmp_path):
    alice = _some_data()
    archive = _backup(tmp_path)
    User.objects.filter(pk=alice.pk).update(full_name="改过的")
    (media / "photo.jpg").write_bytes(b"changed")

    def other_vendor(m):
        m["database"]["vendor"] = "mysql"
        return m

    _rewrite(archive, manifest=other_vendor)
    with pytest.raises(CommandError, match="来自 mysql 数据库"):
        call_command("backup_restore", source=str(archive), yes=True)

    def newer(m):
        m["database"]["vendor"] = "sqlite" if m["database"]["member"].endswith("sqlite3") else "postgresql"
        m["migrations"]["audit"] = "0999_from_the_future"
        return m

    _rewrite(archive, manifest=newer)
    with pytest.raises(CommandError, match=r"比当前代码新.*audit.0999_from_the_future"):
        call_command("backup_restore", source=str(archive), yes=True)
    _assert_unchanged(media, alice)


def test_without_yes_a_database_in_use_is_not_overwritten(media, tmp_path):
    alice = _some_data()
    archive = _backup(tmp_path)
    User.objects.filter(pk=alice.pk).update(full_name="改过的")
    (media / "photo.jpg").write_bytes(b"changed")
    with pytest.raises(CommandError, match=r"不是空的.*--yes"):
        call_command("backup_restore", source=str(archive))
    _assert_unchanged(media, alice)


def test_the_backup_directory_must_not_be_inside_media_root(media):
    with pytest.raises(CommandError, match="不能在上传文件目录"):
        call_command("backup_create", to=str(media / "backups"))


def test_restoring_an_older_backup_is_reported_against_the_heads_written_since(media, tmp_path, settings):
    """Heads exported after the backup name events the restore removed: verification says so, the restore
    itself succeeds and its event records the head it replaced (docs/backup.md)."""
    settings.AUDIT_HEAD_LOG = str(tmp_path / "heads.log")
    alice = _some_data()
    archive = _backup(tmp_path)
    audit_record(actor=alice, action="user.update", obj=alice, summary="after the backup")
    head = audit_head_export()
    assert head is not None
    out, err = io.StringIO(), io.StringIO()
    call_command("backup_restore", source=str(archive), yes=True, stdout=out, stderr=err)
    assert "Audit chain broken" in err.getvalue()
    assert not audit_chain_verify().ok
    restore = AuditEvent.objects.get(action="backup.restore")
    assert restore.changes["extra"]["replaced_head"] == {"seq": head.seq, "hash": head.hash}


def test_a_sqlite_file_is_swapped_whole_with_its_write_ahead_log_folded_in(tmp_path):
    """The test database is in memory; the file swap of a deployed SQLite database is tested on its own."""
    live = tmp_path / "liaison.sqlite3"
    db = sqlite3.connect(live)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES ('live')")
    db.commit()
    db.close()
    copy = tmp_path / "copy.sqlite3"
    db = sqlite3.connect(copy)
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES ('backed up')")
    db.commit()
    db.close()

    sqlite_file_replace(live, copy)

    db = sqlite3.connect(live)
    assert db.execute("SELECT v FROM t").fetchall() == [("backed up",)]
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "liaison.sqlite3"]
