"""Backing up and restoring the database and the uploaded files (等保 数据备份恢复), as one archive.

An archive `liaison-backup-YYYYmmdd-HHMMSS.tar.gz` holds
  manifest.json       creation time, database vendor, latest applied migration per app, file count and
                      the SHA-256 of every other member;
  database.pgdump     on PostgreSQL: `pg_dump --format=custom` of the configured database, or
  database.sqlite3    on SQLite: a consistent copy made with the online backup API;
  media/...           every file under settings.MEDIA_ROOT.

A restore first unpacks the archive into a scratch directory and checks it (every member listed in the
manifest with its checksum, nothing else; same database vendor; no migration the code does not know), so a
damaged or foreign archive changes nothing. Only then the database is replaced (`pg_restore --clean
--if-exists --no-owner --single-transaction`, or the SQLite file swapped atomically) and MEDIA_ROOT is swapped
for the unpacked copy. How to run and schedule it: docs/backup.md.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.audit.services.verify import ChainReport

FORMAT_VERSION = 1
ARCHIVE_PREFIX = "liaison-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why, for the operator."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    sha256: str
    manifest: dict[str, Any]


@dataclass(frozen=True)
class RestoreResult:
    archive: Path
    manifest: dict[str, Any]
    chain: ChainReport
    migrations_pending: bool


# --- creating -----------------------------------------------------------------------------------------


def backup_create(target_dir: Path, *, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write one archive into `target_dir` (made if missing) and record the backup in the audit trail."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(_("不支持备份这种数据库：%(vendor)s。") % {"vendor": vendor})
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if target_dir.resolve().is_relative_to(media_root):
        raise BackupError(_("备份目录不能在上传文件目录 %(dir)s 之内。") % {"dir": media_root})
    target_dir.mkdir(parents=True, exist_ok=True)
    created = timezone.now()
    name = f"{ARCHIVE_PREFIX}{timezone.localtime(created):%Y%m%d-%H%M%S}{ARCHIVE_SUFFIX}"
    final = target_dir / name
    if final.exists():
        raise BackupError(_("备份文件已存在：%(path)s。请稍后再试。") % {"path": final})
    with tempfile.TemporaryDirectory(prefix=".liaison-backup-", dir=target_dir) as scratch:
        dump = Path(scratch) / DATABASE_MEMBERS[vendor]
        if vendor == "postgresql":
            _pg_dump(connection.settings_dict, dump)
        else:
            _sqlite_dump(connection, dump)
        partial = Path(scratch) / (name + ".part")
        checksums: dict[str, str] = {}
        with tarfile.open(partial, "w:gz") as tar:
            checksums[dump.name] = _add_hashed(tar, dump, dump.name)
            for rel in sorted(media_files(media_root)):
                try:
                    checksums[MEDIA_PREFIX + rel] = _add_hashed(tar, media_root / rel, MEDIA_PREFIX + rel)
                except FileNotFoundError:  # deleted while the backup ran
                    continue
            manifest = {
                "format": FORMAT_VERSION,
                "created_at": created.isoformat(),
                "database": {"vendor": vendor, "member": dump.name},
                "migrations": _applied_migrations(using),
                "file_count": len(checksums) - 1,
                "checksums": checksums,
            }
            # Last, once every checksum is known; the restore reads it wherever it is.
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime, info.mode = len(data), int(created.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        partial.chmod(0o600)  # the whole database, personal data included
        os.replace(partial, final)  # a half-written archive never carries the final name
    digest = sha256_file(final)
    backup_audit("backup.create", name, digest, manifest)
    return BackupResult(final, digest, manifest)


def backup_audit(
    action: str, name: str, digest: str, manifest: dict[str, Any], replaced: dict[str, Any] | None = None
) -> None:
    if action == "backup.create":
        summary = _("创建备份 %(name)s（上传文件 %(n)d 个）")
    else:
        summary = _("从备份 %(name)s 恢复数据库和上传文件（上传文件 %(n)d 个）")
    audit_record(
        actor=None,
        action=action,
        object_type="backup",
        object_id=name,
        object_repr=name,
        summary=summary % {"name": name, "n": manifest["file_count"]},
        extra={
            "archive_sha256": digest,
            "created_at": manifest["created_at"],
            "vendor": manifest["database"]["vendor"],
            "file_count": manifest["file_count"],
            **({"replaced_head": replaced} if replaced is not None else {}),
        },
    )


class _HashingReader:
    """Reads a file for tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        block = self.fh.read(size)
        self.digest.update(block)
        return block


def _add_hashed(tar: tarfile.TarFile, path: Path, arcname: str) -> str:
    """Add one file and return the SHA-256 of what was written (a file changed meanwhile stays consistent)."""
    with path.open("rb") as fh:
        info = tar.gettarinfo(arcname=arcname, fileobj=fh)
        reader = _HashingReader(fh)
        tar.addfile(info, reader)  # tarfile only calls read()
    return reader.digest.hexdigest()


def media_files(root: Path) -> Iterator[str]:
    """Every regular file under `root`, as a POSIX path relative to it (symbolic links are not followed)."""
    if not root.is_dir():
        return
    for dirpath, _dirnames, filenames in os.walk(root):
        for filename in filenames:
            path = Path(dirpath) / filename
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _applied_migrations(using: str) -> dict[str, str]:
    """The migration applied last for each app, from django_migrations."""
    rows = MigrationRecorder(connections[using]).migration_qs.order_by("id").values_list("app", "name")
    latest = dict(rows)  # in the order they were applied: the last one per app wins
    return dict(sorted(latest.items()))


def pg_command(program: str, settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = [program, "--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def run_tool(args: list[str], env: dict[str, str], what: str) -> None:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(
            _("找不到 %(program)s：请安装与数据库服务器同版本的 PostgreSQL 客户端。") % {"program": args[0]}
        ) from exc
    if done.returncode != 0:
        raise BackupError(
            _("%(what)s失败（%(program)s 退出码 %(code)d）：%(err)s")
            % {"what": what, "program": args[0], "code": done.returncode, "err": done.stderr.strip()[-2000:]}
        )


def _pg_dump(settings_dict: dict[str, Any], out: Path) -> None:
    args, env = pg_command("pg_dump", settings_dict)
    run_tool(
        [*args, "--format=custom", "--file", str(out), "--dbname", str(settings_dict["NAME"])],
        env,
        _("导出数据库"),
    )


def _sqlite_dump(connection: Any, out: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(out)
    try:
        connection.connection.backup(target)  # a consistent copy, even while others write
    finally:
        target.close()
