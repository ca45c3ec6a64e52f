"""Restoring an archive made by `liaison.web.backup.backup_create`: unpacked into a scratch directory and
checked first (every member listed in the manifest with its checksum, nothing else; same database vendor;
no migration the code does not know), so a damaged or foreign archive changes nothing; then the database is
replaced (`pg_restore --clean --if-exists --no-owner --single-transaction`, or the SQLite file swapped
atomically) and MEDIA_ROOT swapped for the unpacked copy. How to run it: docs/backup.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from liaison.audit.models import AuditChainHead
from liaison.audit.services.verify import audit_chain_verify
from liaison.web.backup import (
    ARCHIVE_PREFIX,
    ARCHIVE_SUFFIX,
    CHUNK,
    DATABASE_MEMBERS,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    BackupError,
    RestoreResult,
    backup_audit,
    media_files,
    pg_command,
    run_tool,
    sha256_file,
)


def backup_find(source: Path) -> Path:
    """`source` itself, or the newest archive in the directory it names."""
    if source.is_dir():
        archives = sorted(source.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))
        if not archives:
            raise BackupError(_("目录 %(dir)s 中没有备份文件。") % {"dir": source})
        return archives[-1]
    if not source.is_file():
        raise BackupError(_("备份文件不存在：%(path)s。") % {"path": source})
    return source


def backup_restore(source: Path, *, overwrite: bool = False, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Check the archive, then replace the database and MEDIA_ROOT with its content.

    Without `overwrite` a database that has tables, or a MEDIA_ROOT that has files, is left alone.
    """
    archive = backup_find(source)
    connection = connections[using]
    replaced = _chain_head(using)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked next to MEDIA_ROOT, so the new media directory is renamed into place, not copied.
    with tempfile.TemporaryDirectory(prefix=".liaison-restore-", dir=media_root.parent) as scratch_name:
        scratch = Path(scratch_name)
        manifest = _unpack_verified(archive, scratch)
        _check_compatible(manifest, using)
        if not overwrite:
            _check_empty(using, media_root)
        (scratch / MEDIA_PREFIX).mkdir(exist_ok=True)
        dump = scratch / manifest["database"]["member"]
        if connection.vendor == "postgresql":
            _pg_restore(using, dump)
        else:
            _sqlite_restore(using, dump)
        ContentType.objects.clear_cache()
        _swap_media(scratch / MEDIA_PREFIX, media_root)
    digest = sha256_file(archive)
    backup_audit("backup.restore", archive.name, digest, manifest, replaced)
    executor = MigrationExecutor(connections[using])
    pending = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    return RestoreResult(archive, manifest, audit_chain_verify(), pending)


def _chain_head(using: str) -> dict[str, Any] | None:
    """The audit chain's head before a restore, kept in the restore's own event: the trail it replaced."""
    if "audit_auditchainhead" not in connections[using].introspection.table_names():
        return None
    head = AuditChainHead.objects.using(using).filter(pk=1).first()
    return {"seq": head.last_seq, "hash": head.last_hash} if head else None


def _damaged(archive: Path, why: str) -> BackupError:
    return BackupError(
        _("备份文件 %(name)s 校验未通过，未做任何改动：%(why)s") % {"name": archive.name, "why": why}
    )


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _unpack_verified(archive: Path, scratch: Path) -> dict[str, Any]:
    """Unpack every member into `scratch`, hashing it on the way; the manifest must account for each."""
    seen, manifest_bytes = _unpack(archive, scratch)
    if manifest_bytes is None:
        raise _damaged(archive, _("缺少 manifest.json。"))
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
        expected: dict[str, str] = dict(manifest["checksums"])
        member = manifest["database"]["member"]
        file_count = int(manifest["file_count"])
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged(archive, _("manifest.json 格式不对。")) from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise _damaged(archive, _("备份格式版本 %(v)s 不受支持。") % {"v": manifest.get("format")})
    problems = _checksum_problems(expected, seen)
    if problems:
        raise _damaged(archive, problems)
    if member not in expected or member not in DATABASE_MEMBERS.values():
        raise _damaged(archive, _("缺少数据库导出。"))
    if sum(1 for name in expected if name.startswith(MEDIA_PREFIX)) != file_count:
        raise _damaged(archive, _("上传文件数与清单不符。"))
    return manifest


def _unpack(archive: Path, scratch: Path) -> tuple[dict[str, str], bytes | None]:
    """The SHA-256 of each member unpacked into `scratch`, and the manifest's bytes (kept in memory)."""
    seen: dict[str, str] = {}
    manifest_bytes: bytes | None = None
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if member.isdir():
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise _damaged(archive, _("包含不允许的成员 %(name)s。") % {"name": member.name})
                if member.name in seen or (member.name == MANIFEST_NAME and manifest_bytes is not None):
                    raise _damaged(archive, _("成员 %(name)s 重复。") % {"name": member.name})
                fh = tar.extractfile(member)
                if fh is None:  # pragma: no cover - a regular file always has content
                    raise _damaged(archive, member.name)
                if member.name == MANIFEST_NAME:
                    manifest_bytes = fh.read()
                    continue
                target = scratch / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                with target.open("wb") as out:
                    while block := fh.read(CHUNK):
                        digest.update(block)
                        out.write(block)
                os.utime(target, (member.mtime, member.mtime))
                seen[member.name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise _damaged(archive, _("无法读取压缩包（%(err)s）。") % {"err": exc}) from exc
    return seen, manifest_bytes


def _checksum_problems(expected: dict[str, str], seen: dict[str, str]) -> str:
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    changed = sorted(name for name in set(seen) & set(expected) if seen[name] != expected[name])
    parts = []
    if changed:
        parts.append(_("内容与校验和不符：%(names)s") % {"names": "、".join(changed[:5])})
    if missing:
        parts.append(_("缺少：%(names)s") % {"names": "、".join(missing[:5])})
    if extra:
        parts.append(_("清单外的成员：%(names)s") % {"names": "、".join(extra[:5])})
    return "；".join(parts) + "。" if parts else ""


def _check_compatible(manifest: dict[str, Any], using: str) -> None:
    vendor = connections[using].vendor
    if (
        manifest["database"]["vendor"] != vendor
        or DATABASE_MEMBERS.get(vendor) != manifest["database"]["member"]
    ):
        raise BackupError(
            _("这份备份来自 %(theirs)s 数据库，当前配置的是 %(ours)s，不能恢复，未做任何改动。")
            % {"theirs": manifest["database"]["vendor"], "ours": vendor}
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, name in sorted(dict(manifest.get("migrations") or {}).items())
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "这份备份的数据库结构比当前代码新（代码中没有迁移 %(names)s），请先升级代码再恢复，未做任何改动。"
            )
            % {"names": "、".join(unknown[:5])}
        )


def _check_empty(using: str, media_root: Path) -> None:
    tables = connections[using].introspection.table_names()
    if tables:
        raise BackupError(
            _(
                "当前数据库不是空的（已有 %(n)d 张数据表），恢复会覆盖其中的全部数据；确认无误后加 --yes 再运行。"
            )
            % {"n": len(tables)}
        )
    if next(media_files(media_root), None) is not None:
        raise BackupError(
            _("上传文件目录 %(dir)s 不是空的，恢复会替换其中的全部文件；确认无误后加 --yes 再运行。")
            % {"dir": media_root}
        )


def _pg_restore(using: str, dump: Path) -> None:
    connection = connections[using]
    settings_dict = connection.settings_dict
    connection.close()  # DROP TABLE waits for every lock, our own idle connection's included
    args, env = pg_command("pg_restore", settings_dict)
    run_tool(
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",  # all or nothing: a failed restore leaves the database as it was
            "--exit-on-error",
            "--dbname",
            str(settings_dict["NAME"]),
            str(dump),
        ],
        env,
        _("恢复数据库"),
    )


def _sqlite_restore(using: str, dump: Path) -> None:
    connection = connections[using]
    source = sqlite3.connect(dump)
    try:
        if source.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise BackupError(_("备份中的数据库文件已损坏，未做任何改动。"))
        name = str(connection.settings_dict["NAME"])
        if name == ":memory:" or "mode=memory" in name:  # the test database: there is no file to swap
            connection.ensure_connection()
            source.backup(connection.connection)
            return
    finally:
        source.close()
    connections.close_all()
    sqlite_file_replace(Path(name), dump)


def sqlite_file_replace(path: Path, dump: Path) -> None:
    """Swap the SQLite database file at `path` for a copy of `dump`; every connection to it is closed."""
    path = path.resolve()
    staged = path.with_name(f".{path.name}.restore")
    shutil.copyfile(dump, staged)
    if path.exists():  # fold the write-ahead log in, so no stale -wal file meets the new database
        current = sqlite3.connect(path)
        try:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            current.close()
    os.replace(staged, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _swap_media(staged: Path, media_root: Path) -> None:
    """Put the unpacked media directory in MEDIA_ROOT's place, then drop the old one."""
    old = media_root.with_name(f".{media_root.name}.old-{dt.datetime.now(tz=dt.UTC):%Y%m%d%H%M%S%f}")
    if media_root.exists():
        media_root.rename(old)
    staged.rename(media_root)
    if old.exists():
        shutil.rmtree(old)
