"""Checking uploaded files by their content (magic bytes), not by their name, and within a size limit."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError

KIND_LABELS = {
    "pdf": "PDF",
    "png": "PNG",
    "jpeg": "JPEG",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "doc": "Word (.doc)",
    "xls": "Excel (.xls)",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
}
DOCUMENT_KINDS = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "doc", "xls"})


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    content_type: str
    size: int
    sha256: str


def _zip_kind(handle: IO[bytes]) -> str | None:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return None


def sniff_kind(handle: IO[bytes]) -> str | None:
    """The file's real kind from its first bytes (and, for Office files, its zip directory)."""
    handle.seek(0)
    head = handle.read(8)
    handle.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE compound file: legacy .doc/.xls
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(handle)
    return None


def check_upload(
    upload: Any, *, allowed: frozenset[str] = DOCUMENT_KINDS, max_bytes: int | None = None
) -> CheckedUpload:
    """Refuse empty, oversized or wrongly typed files with a clear message; return kind, type, size, checksum."""
    limit = max_bytes or settings.MAX_UPLOAD_BYTES
    size = getattr(upload, "size", None) or 0
    if size == 0:
        raise DomainError(_("文件为空，请重新选择。"), field="file")
    if size > limit:
        raise DomainError(
            _("文件大小为 %(size)s，超过上限 %(limit)s。")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            field="file",
        )
    kind = sniff_kind(upload)
    if kind is None or kind not in allowed:
        names = "、".join(KIND_LABELS[k] for k in sorted(allowed))
        raise DomainError(
            _("文件类型不符合要求（按文件内容识别），仅接受：%(kinds)s。") % {"kinds": names}, field="file"
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(1024 * 1024), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(kind, CONTENT_TYPES[kind], size, digest.hexdigest())
