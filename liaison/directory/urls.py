"""The administrators' pages (三员分立): accounts and roles (system), security (security: settings, lockouts, tokens,
second-factor reset)."""

from django.urls import path

from liaison.directory.views.accounts import account_change, account_detail, account_list_page
from liaison.directory.views.second_factor import second_factor_reset_page
from liaison.directory.views.security import (
    lockout_release_page,
    lockouts,
    security_settings,
    token_revoke,
    tokens,
)

app_name = "directory"
urlpatterns = [
    path("accounts/", account_list_page, name="account_list"),
    path("accounts/<int:account_id>/", account_detail, name="account_detail"),
    path("accounts/<int:account_id>/change/", account_change, name="account_change"),
    path("security/", security_settings, name="security_settings"),
    path("security/lockouts/", lockouts, name="lockouts"),
    path("security/lockouts/release/", lockout_release_page, name="lockout_release"),
    path("security/tokens/", tokens, name="tokens"),
    path("security/tokens/<int:token_id>/revoke/", token_revoke, name="token_revoke"),
    path("security/second-factor/reset/", second_factor_reset_page, name="second_factor_reset"),
]
