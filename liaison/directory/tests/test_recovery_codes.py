"""Recovery codes kept as one-way digests (等保 身份鉴别): the database never holds a code, a code works once,
a wrong one fails and counts, each use is audited, and codes issued in plain text before are hashed by the
data migration and keep working."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from liaison.audit.models import AuditEvent
from liaison.directory.models import RecoveryCode, RecoveryCodeDevice
from liaison.directory.models.recovery import recovery_code_digest
from liaison.testing.second_factor import enrol_with_page, sign_in

PAGE = "/notifications/"


@pytest.fixture
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _enrolled(client, user) -> list[str]:
    sign_in(client, user, PAGE)
    _device, codes = enrol_with_page(client, user, reverse("second_factor_enrol"), PAGE)
    client.post(reverse("logout"))
    return codes


@pytest.mark.django_db
@pytest.mark.usefixtures("_required")
def test_the_database_never_holds_a_code(client, officer_user):
    sign_in(client, officer_user, PAGE)
    _device, codes = enrol_with_page(client, officer_user, reverse("second_factor_enrol"), PAGE)
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{4}(-[a-z2-7]{4}){3}", c) for c in codes)
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)  # every table, the sessions and the audit trail included
    text = dump.getvalue()
    for code in codes:
        assert code not in text and code.replace("-", "") not in text
    stored = RecoveryCode.objects.filter(device__user=officer_user)
    assert stored.count() == 10 and len({row.salt for row in stored}) == 10
    plain = codes[0].replace("-", "")
    assert any(row.digest == recovery_code_digest(plain, row.salt) for row in stored)
    assert not StaticToken.objects.exists() and not StaticDevice.objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("_required")
def test_a_code_works_once_a_wrong_one_fails_and_each_use_is_audited(client, officer_user):
    codes = _enrolled(client, officer_user)
    sign_in(client, officer_user, PAGE)
    wrong = client.post(reverse("second_factor_verify"), {"code": "abcd-efgh-ijkl-mnop"})
    assert wrong.status_code == 400
    assert AuditEvent.objects.filter(action="auth.second_factor_failed", actor=officer_user).count() == 1
    typed = codes[3].replace("-", " ").upper()  # as typed by hand: spaces, capitals
    assert client.post(reverse("second_factor_verify"), {"code": typed, "next": PAGE})["Location"] == PAGE
    assert client.get(PAGE).status_code == 200
    [used] = AuditEvent.objects.filter(action="auth.recovery_code_used")
    assert used.actor == officer_user and used.changes["extra"]["remaining"] == 9
    assert RecoveryCode.objects.filter(device__user=officer_user).count() == 9
    client.post(reverse("logout"))
    sign_in(client, officer_user, PAGE)
    again = client.post(reverse("second_factor_verify"), {"code": codes[3]})
    assert again.status_code == 400 and client.get(PAGE).status_code == 302
    assert AuditEvent.objects.filter(action="auth.recovery_code_used").count() == 1


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_hashes_plain_codes_which_keep_working(officer_user):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = [node for node in latest if node[0] != "directory"] + [
        ("directory", "0006_recovery_code_digests")
    ]
    old = _migrate(before)
    old_device_model = old.get_model("otp_static", "StaticDevice")
    old_token_model = old.get_model("otp_static", "StaticToken")
    static = old_device_model.objects.create(user_id=officer_user.pk, name="恢复码", confirmed=True)
    for token in ("aaaabbbb", "ccccdddd"):
        old_token_model.objects.create(device=static, token=token)
    _migrate(latest)

    assert not StaticToken.objects.exists() and not StaticDevice.objects.exists()
    device = RecoveryCodeDevice.objects.get(user=officer_user)
    assert sorted(len(row.digest) for row in device.codes.all()) == [64, 64]
    assert not RecoveryCode.objects.filter(digest__in=["aaaabbbb", "ccccdddd"]).exists()
    assert device.verify_token("AAAA-BBBB") and not device.verify_token("aaaabbbb")
    assert device.verify_token("ccccdddd") and device.codes.count() == 0
