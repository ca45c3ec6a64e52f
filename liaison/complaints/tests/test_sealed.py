"""The integrity track's content is unreadable in the database without the key: the raw columns and the
stored evidence bytes hold no plaintext, and another key cannot open them."""

from __future__ import annotations

import pytest
from django.db import connection

from liaison.complaints.crypto import _fernet, unseal
from liaison.complaints.models import Complaint, Evidence
from liaison.complaints.tests.support import PDF, SECRET_NAME, SECRET_PHONE, SECRET_TEXT, lodge_integrity
from liaison.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _raw_row(pk: int) -> str:
    table = Complaint._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608 - our own table name
        return " ".join(str(v) for v in cursor.fetchone())


def test_the_raw_columns_hold_no_plaintext(case):
    c = lodge_integrity(
        case, anonymous=False, name=SECRET_NAME, phone=SECRET_PHONE, actor=case.world.applicant
    ).complaint
    raw = _raw_row(c.pk)
    for secret in (SECRET_TEXT, "好处费", SECRET_NAME, SECRET_PHONE, "转账记录"):
        assert secret not in raw
    table = Evidence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE complaint_id = %s", [c.pk])  # noqa: S608
        assert "转账记录" not in " ".join(str(v) for v in cursor.fetchone())
    assert unseal(c.sealed)["text"] == SECRET_TEXT  # with the key it opens
    assert unseal(c.sealed)["user_id"] == case.world.applicant.pk
    assert c.complainant_user_id is None


def test_the_evidence_file_is_stored_encrypted(case):
    c = lodge_integrity(case).complaint
    e = Evidence.objects.get(complaint=c)
    with e.blob.open("rb") as handle:
        stored = handle.read()
    assert PDF not in stored and b"%PDF" not in stored


def test_another_key_cannot_open_the_content(case, settings):
    c = lodge_integrity(case).complaint
    settings.COMPLAINTS_KEY = "a-different-key-altogether"
    _fernet.cache_clear()
    with pytest.raises(DomainError, match="无法解密"):
        unseal(c.sealed)
