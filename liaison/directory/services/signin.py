"""Signing in and out, with login-failure handling (等保 2.0 level 3: limit failures, lock).

Per account: five failed sign-ins within 15 minutes lock that account for the rest of the window, even
with the right password. Per client address: behind the reverse proxy a whole district may share one
address, so the address never locks anybody out; past 50 failures within 15 minutes it only refuses
accounts that are unknown or failed recently, so a password-spraying run is cut to one guess per account
while everybody who types their password right signs in as usual.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest

from liaison.core.addresses import client_address
from liaison.directory.services.throttle import (
    LOGIN_ACCOUNT_FAILURES,
    LOGIN_ADDRESS_FAILURES,
    throttle_clear,
    throttle_count,
    throttle_error,
    throttle_hit,
    throttle_reached,
)


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    return f"user:{username}", f"ip:{client_address(request) or 'unknown'}"


def signin_authenticate(*, request: HttpRequest | None, username: str, password: str) -> Any | None:
    """The user if the password is right and no limit refuses; None if it is wrong; TooManyAttempts if refused."""
    account_key, address_key = _keys(request, username)
    if throttle_reached(LOGIN_ACCOUNT_FAILURES, account_key):
        raise throttle_error(LOGIN_ACCOUNT_FAILURES)
    address_busy = throttle_reached(LOGIN_ADDRESS_FAILURES, address_key)
    user = authenticate(request, username=username, password=password)
    if user is None:
        throttle_hit(LOGIN_ACCOUNT_FAILURES, [account_key])
        throttle_hit(LOGIN_ADDRESS_FAILURES, [address_key])
        if address_busy:  # the same answer as a refusal, so it tells nothing about the account
            raise throttle_error(LOGIN_ACCOUNT_FAILURES)
        return None
    if address_busy and throttle_count(LOGIN_ACCOUNT_FAILURES, account_key):
        raise throttle_error(LOGIN_ACCOUNT_FAILURES)
    throttle_clear(LOGIN_ACCOUNT_FAILURES, account_key)
    return user


def signin_complete(*, request: HttpRequest, user: Any, backend: str | None = None) -> None:
    """Start the user's session."""
    login(request, user, backend=backend)


def signout(*, request: HttpRequest) -> None:
    """End the session."""
    logout(request)
