"""axe-core (WCAG 2.1 AA rules) on the pages anyone reaches before signing in: sign-in, registration, the
public complaint form and its status lookup, the enquiry form."""

from __future__ import annotations

import pytest

from liaison.testing.axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/intake/register/",
        "/complaints/new/",
        "/complaints/status/",
        "/publicity/enquiries/new/",
    ],
)
def test_public_entry_pages_have_no_serious_accessibility_violations(page, live_server, path):
    page.goto(f"{live_server.url}{path}")
    page.wait_for_selector("main, form")
    assert serious_violations(page) == []
