"""三员分立: every page of the administrators' areas against each of the 11 roles — allowed or refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.tests.helpers import record
from liaison.directory.services.tokens import api_token_create
from liaison.web.navigation import navigation_for

pytestmark = pytest.mark.django_db

ROLES = {
    "center_admin": "center_admin",
    "center_leader": "center_leader",
    "officer": "officer_user",
    "guide": "guide_user",
    "department_admin": "dept_admin",
    "applicant": "applicant",
    "project_office": "project_office",
    "supervisor": "supervisor",
    "system_admin": "system_admin",
    "security_admin": "security_admin",
    "audit_admin": "audit_admin",
}

# (page, method, the roles that get it, what the others get)
PAGES = [
    ("audit_list", "get", {"audit_admin", "supervisor"}, 403),
    ("audit_detail", "get", {"audit_admin", "supervisor"}, 404),
    ("audit_history", "get", {"audit_admin", "supervisor"}, 404),
    ("audit_verify", "post", {"audit_admin", "supervisor"}, 403),
    ("audit_export", "get", {"audit_admin"}, 403),
    ("personal_data_log", "get", {"security_admin", "supervisor"}, 404),
    ("security_settings", "get", {"security_admin"}, 404),
    ("lockouts", "get", {"security_admin"}, 404),
    ("lockout_release", "post", {"security_admin"}, 404),
    ("tokens", "get", {"security_admin"}, 404),
    ("token_revoke", "post", {"security_admin"}, 404),
    ("second_factor_reset", "get", {"security_admin"}, 404),
    ("second_factor_reset_post", "post", {"security_admin"}, 404),
    ("account_list", "get", {"system_admin"}, 404),
    ("account_detail", "get", {"system_admin"}, 404),
    ("account_change", "post", {"system_admin"}, 404),
]


def _url(page: str, *, event, token, account) -> tuple[str, dict]:
    return {
        "audit_list": (reverse("audit:event_list"), {}),
        "audit_detail": (reverse("audit:event_detail", args=[event.seq]), {}),
        "audit_history": (reverse("audit:object_history", args=[event.object_type, event.object_id]), {}),
        "audit_verify": (reverse("audit:verify"), {}),
        "audit_export": (reverse("audit:event_list"), {"export": "xlsx"}),
        "personal_data_log": (reverse("audit:personal_data_views"), {}),
        "security_settings": (reverse("directory:security_settings"), {}),
        "lockouts": (reverse("directory:lockouts"), {}),
        "lockout_release": (reverse("directory:lockout_release"), {"username": "nobody"}),
        "tokens": (reverse("directory:tokens"), {}),
        "token_revoke": (reverse("directory:token_revoke", args=[token.pk]), {}),
        "second_factor_reset": (reverse("directory:second_factor_reset"), {}),
        "second_factor_reset_post": (
            reverse("directory:second_factor_reset"),
            {"username": account.username},
        ),
        "account_list": (reverse("directory:account_list"), {}),
        "account_detail": (reverse("directory:account_detail", args=[account.pk]), {}),
        "account_change": (reverse("directory:account_change", args=[account.pk]), {"action": "deactivate"}),
    }[page]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("case", PAGES, ids=[p[0] for p in PAGES])
def test_each_role_gets_the_page_or_is_refused(client, request, role, case, officer_user):
    page, method, allowed, refused = case
    user = request.getfixturevalue(ROLES[role])
    (event,) = record(officer_user)
    token, _secret = api_token_create(user=officer_user, name="集成")
    url, data = _url(page, event=event, token=token, account=officer_user)
    client.force_login(user)
    response = getattr(client, method)(url, data)
    if role in allowed:
        assert response.status_code in (200, 302), (role, page, response.status_code)
    else:
        assert response.status_code == refused, (role, page, response.status_code)
        officer_user.refresh_from_db()
        token.refresh_from_db()
        assert officer_user.is_active and token.revoked_at is None  # a refusal changes nothing


def _menu(role: str) -> set[str]:
    return {e["url"] for e in navigation_for(frozenset({role}), "/")}


def test_each_administrator_sees_only_their_own_area_in_the_menu():
    assert _menu("system_admin") == {"/", reverse("directory:account_list")}
    assert _menu("audit_admin") == {"/", reverse("audit:event_list")}
    assert _menu("security_admin") == {
        "/",
        reverse("directory:security_settings"),
        reverse("directory:lockouts"),
        reverse("directory:tokens"),
        reverse("directory:second_factor_reset"),
        reverse("audit:personal_data_views"),
    }
    for business in ("center_admin", "center_leader", "officer", "guide", "department_admin", "applicant"):
        menu = _menu(business)
        assert reverse("audit:event_list") not in menu
        assert reverse("directory:account_list") not in menu
        assert reverse("directory:lockouts") not in menu
    assert reverse("audit:event_list") in _menu("supervisor")


@pytest.mark.parametrize(
    ("persona", "figure"),
    [("system_admin", "启用的账号"), ("security_admin", "当前锁定的账号"), ("audit_admin", "审计事件总数")],
)
def test_an_administrators_dashboard_shows_their_area_not_business_figures(client, request, persona, figure):
    client.force_login(request.getfixturevalue(persona))
    html = client.get("/").content.decode()
    assert 'data-testid="admin-figures"' in html
    assert figure in html
    assert 'data-testid="catalogue-stats"' not in html
    assert 'data-testid="overview-panel"' not in html


def test_business_dashboards_show_no_administrator_figures(client, center_admin):
    client.force_login(center_admin)
    assert 'data-testid="admin-figures"' not in client.get("/").content.decode()
