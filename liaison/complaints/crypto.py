"""Sealing the content of integrity-track complaints (what happened, evidence names and bytes, the
complainant's identity) with Fernet from `cryptography` (AES-128-CBC + HMAC-SHA256, authenticated).

The key is kept outside the database: settings.COMPLAINTS_KEY (env COMPLAINTS_KEY or the file
COMPLAINTS_KEY_FILE). A proper Fernet key (32 url-safe base64 bytes) is used as it is; any other secret is
stretched into one with HKDF-SHA256. Without the key the database holds only tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    try:
        raw = base64.urlsafe_b64decode(secret.encode())
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) == 32:
        return Fernet(secret.encode())
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"liaison.complaints").derive(
        secret.encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def fernet() -> Fernet:
    return _fernet(settings.COMPLAINTS_KEY)


def seal_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def open_bytes(token: bytes) -> bytes:
    try:
        return fernet().decrypt(token)
    except InvalidToken as exc:
        raise DomainError(_("加密内容无法解密（密钥不符），请联系系统管理员。")) from exc


def seal(value: dict[str, Any]) -> str:
    """A JSON-able dict as a Fernet token (text)."""
    return seal_bytes(json.dumps(value, ensure_ascii=False, default=str).encode()).decode()


def unseal(token: str) -> dict[str, Any]:
    if not token:
        return {}
    data: dict[str, Any] = json.loads(open_bytes(token.encode()).decode())
    return data
