"""Per-user API tokens: the secret is shown once, stored only as a hash, and revocable."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from liaison.core.errors import DomainError, NotFound
from liaison.directory.models import ApiToken
from liaison.directory.services.tokens import api_token_authenticate, api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def test_a_new_token_is_stored_only_as_its_hash(officer_user):
    token, secret = api_token_create(user=officer_user, name="  审批监管平台对接  ")
    assert secret.startswith("lo_")
    assert len(secret) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.name == "审批监管平台对接"
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert stored.prefix == secret[:10]
    # The secret itself is in no column.
    assert secret not in {stored.name, stored.prefix, stored.key_hash}
    assert not ApiToken.objects.filter(key_hash=secret).exists()


def test_two_tokens_never_share_a_secret(officer_user):
    _a, first = api_token_create(user=officer_user, name="甲")
    _b, second = api_token_create(user=officer_user, name="乙")
    assert first != second


def test_the_secret_authenticates_its_owner_and_records_the_use(officer_user):
    token, secret = api_token_create(user=officer_user, name="对接")
    assert api_token_authenticate(secret) == officer_user
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("secret", ["", "lo_", "lo_wrong-secret", "not-even-our-prefix", "Bearer lo_x"])
def test_unknown_secrets_authenticate_nobody(officer_user, secret):
    api_token_create(user=officer_user, name="对接")
    assert api_token_authenticate(secret) is None


def test_a_revoked_token_is_refused(officer_user):
    token, secret = api_token_create(user=officer_user, name="对接")
    revoked = api_token_revoke(user=officer_user, token_id=token.pk)
    assert revoked.revoked_at is not None
    assert api_token_authenticate(secret) is None
    # Revoking again keeps the first revocation time.
    again = api_token_revoke(user=officer_user, token_id=token.pk)
    assert again.revoked_at == revoked.revoked_at


def test_a_token_of_a_deactivated_user_is_refused(officer_user):
    _token, secret = api_token_create(user=officer_user, name="对接")
    officer_user.is_active = False
    officer_user.save(update_fields=["is_active"])
    assert api_token_authenticate(secret) is None


def test_nobody_revokes_another_users_token(officer_user, guide_user):
    token, secret = api_token_create(user=officer_user, name="对接")
    with pytest.raises(NotFound, match="令牌不存在"):
        api_token_revoke(user=guide_user, token_id=token.pk)
    assert api_token_authenticate(secret) == officer_user


@pytest.mark.parametrize(
    ("name", "message"), [("", "请填写令牌名称"), ("   ", "请填写令牌名称"), ("长" * 61, "不能超过60个字符")]
)
def test_a_token_needs_a_sensible_name(officer_user, name, message):
    with pytest.raises(DomainError, match=message) as caught:
        api_token_create(user=officer_user, name=name)
    assert caught.value.field == "name"
    assert not ApiToken.objects.exists()


def test_recent_use_is_not_rewritten_on_every_request(officer_user):
    token, secret = api_token_create(user=officer_user, name="对接")
    api_token_authenticate(secret)
    token.refresh_from_db()
    first_use = token.last_used_at
    api_token_authenticate(secret)
    token.refresh_from_db()
    assert token.last_used_at == first_use
    # After five minutes the next use is recorded again.
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - dt.timedelta(minutes=6))
    api_token_authenticate(secret)
    token.refresh_from_db()
    assert token.last_used_at > first_use


def test_a_token_expires_after_its_lifetime(officer_user):
    token, secret = api_token_create(user=officer_user, name="对接", days=30)
    assert dt.timedelta(days=29) < token.expires_at - timezone.now() <= dt.timedelta(days=30)
    assert api_token_authenticate(secret) == officer_user
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert api_token_authenticate(secret) is None


@pytest.mark.parametrize(
    ("days", "scope", "field"), [(7, "read", "days"), (90, "admin", "scope"), (0, "write", "days")]
)
def test_a_lifetime_or_scope_outside_the_list_is_refused(officer_user, days, scope, field):
    with pytest.raises(DomainError) as refused:
        api_token_create(user=officer_user, name="对接", days=days, scope=scope)
    assert refused.value.field == field
    assert not ApiToken.objects.exists()


def test_a_read_only_token_reads_but_never_writes(officer_user):
    from liaison.core.errors import PermissionDenied

    _token, secret = api_token_create(user=officer_user, name="只读对接")
    assert api_token_authenticate(secret, method="GET") == officer_user
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        with pytest.raises(PermissionDenied, match="只读"):
            api_token_authenticate(secret, method=method)
    _token, writer = api_token_create(user=officer_user, name="读写对接", scope="write")
    assert api_token_authenticate(writer, method="POST") == officer_user


def test_through_the_api_a_read_only_token_gets_403_on_a_write(client, officer_user):
    _token, secret = api_token_create(user=officer_user, name="只读对接")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/notifications/unread-count", **auth).status_code == 200
    refused = client.post(
        "/api/v1/notifications/mark-read", {"ids": []}, content_type="application/json", **auth
    )
    assert refused.status_code == 403 and "只读" in refused.json()["detail"]
