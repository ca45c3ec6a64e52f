"""Public registration is limited per client address by one rule, for the page and the API alike
(`enterprise_self_register`: five accounts an hour from one address)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.directory.models import User
from liaison.intake.tests.test_views_support import uscc

pytestmark = pytest.mark.django_db
API = "/api/v1/intake/register"
PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _fields(n: int) -> dict[str, str]:
    return {
        "name": f"云南限流测试有限公司{n}",
        "uscc": uscc(500 + n),
        "address": "昆明市五华区东风西路1号",
        "legal_representative": "赵立",
        "lead_name": "周海明",
        "lead_mobile": "13888120001",
        "handler_name": "王丽娟",
        "handler_mobile": "13888120002",
        "username": f"limited_{n}",
        "email": f"limited{n}@example.com",
        "password": "Wuhua-Liaison-2026!",
    }


def _api(client, n: int, address: str = "10.5.5.5", **meta: str):
    return client.post(API, _fields(n), content_type="application/json", REMOTE_ADDR=address, **meta)


def _page(client, n: int, address: str = "10.5.5.5"):
    form = {**_fields(n), "password2": "Wuhua-Liaison-2026!"}
    response = client.post(reverse("intake:register"), form, REMOTE_ADDR=address)
    client.logout()
    return response


def test_the_api_refuses_the_sixth_registration_from_one_address_with_429(client):
    for n in range(5):
        assert _api(client, n).status_code == 201
    response = _api(client, 5)
    assert response.status_code == 429
    assert response.json()["detail"] == "尝试次数过多，请 60 分钟后再试。"
    assert not User.objects.filter(username="limited_5").exists()
    assert _api(client, 5, address="10.5.5.6").status_code == 201


def test_the_page_and_the_api_count_against_the_same_limit(client):
    for n in range(3):
        assert _page(client, n).status_code == 302
    for n in range(3, 5):
        assert _api(client, n).status_code == 201
    assert _api(client, 5).status_code == 429
    response = _page(client, 6)
    assert response.status_code == 200 and "尝试次数过多" in response.content.decode()
    assert User.objects.filter(username__startswith="limited_").count() == 5


def test_a_refused_or_invalid_registration_uses_no_attempt(client):
    bad = {**_fields(0), "uscc": "915301020000000000"}
    for _n in range(6):
        assert (
            client.post(API, bad, content_type="application/json", REMOTE_ADDR="10.5.5.5").status_code == 400
        )
    assert _api(client, 0).status_code == 201


def test_behind_a_trusted_proxy_the_limit_is_per_client(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for n in range(5):
        assert _api(client, n, address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 201
    assert _api(client, 5, address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert _api(client, 5, address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 201


def test_registering_on_the_page_signs_in_and_the_sign_in_is_audited(client):
    form = {**_fields(0), "password2": "Wuhua-Liaison-2026!"}
    response = client.post(reverse("intake:register"), form, REMOTE_ADDR="10.5.5.5")
    assert response.status_code == 302
    user = User.objects.get(username="limited_0")
    assert AuditEvent.objects.filter(action="auth.login", actor=user, ip="10.5.5.5").exists()
