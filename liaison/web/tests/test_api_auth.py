"""Signing in to the API: a browser session, `Authorization: Bearer`, or `X-API-Token`."""

from __future__ import annotations

import pytest

from liaison.directory.services.tokens import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db
URL = "/api/v1/notifications/unread-count"


def test_no_credentials_is_401_with_a_chinese_message(client):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json() == {"detail": "未登录或令牌无效。"}


def test_a_bearer_token_signs_in(client, officer_user):
    _token, secret = api_token_create(user=officer_user, name="对接")
    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert response.json() == {"unread": 0}


def test_an_x_api_token_header_signs_in(client, officer_user):
    _token, secret = api_token_create(user=officer_user, name="对接")
    assert client.get(URL, HTTP_X_API_TOKEN=secret).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_AUTHORIZATION": "Bearer lo_not-a-real-token"},
        {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
        {"HTTP_X_API_TOKEN": "lo_not-a-real-token"},
    ],
)
def test_a_wrong_token_is_401(client, officer_user, headers):
    api_token_create(user=officer_user, name="对接")
    response = client.get(URL, **headers)
    assert response.status_code == 401
    assert response.json()["detail"] == "未登录或令牌无效。"


def test_a_revoked_token_is_401(client, officer_user):
    token, secret = api_token_create(user=officer_user, name="对接")
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    api_token_revoke(user=officer_user, token_id=token.pk)
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert client.get(URL, HTTP_X_API_TOKEN=secret).status_code == 401


def test_the_token_acts_as_its_owner(client, officer_user, guide_user):
    from liaison.notifications.services.notify import notification_send

    notification_send(recipients=[guide_user], kind="t", event_key="k", title="给指导员")
    _token, secret = api_token_create(user=officer_user, name="对接")
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {secret}").json() == {"unread": 0}
    _token, guide_secret = api_token_create(user=guide_user, name="对接")
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {guide_secret}").json() == {"unread": 1}


def test_a_browser_session_signs_in(client, officer_user):
    client.force_login(officer_user)
    assert client.get(URL).status_code == 200


def test_the_openapi_schema_and_the_docs_are_served(client):
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    body = schema.json()
    assert body["info"]["title"] == "政务服务联络官服务平台 API"
    assert "/api/v1/calendar/days" in body["paths"]
    assert "/api/v1/audit/events" in body["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "openapi.json" in docs.content.decode()
