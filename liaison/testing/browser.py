"""Steps every browser test shares: signing in through the real login page."""

from __future__ import annotations

from typing import Any

from liaison.intake.tests.test_services_support import PASSWORD as ENTERPRISE_PASSWORD
from liaison.testing.personas import PASSWORD


def sign_in(page: Any, base: str, user: Any, path: str, *, password: str | None = None) -> None:
    """Sign `user` (a User or a username) in on a fresh session and land on `path`."""
    username = getattr(user, "username", user)
    if password is None:
        password = ENTERPRISE_PASSWORD if getattr(user, "enterprise_id", None) else PASSWORD
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/?next={path}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}{path}")
