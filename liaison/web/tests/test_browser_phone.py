"""At a phone's 390 × 844, on the demo district: every role's main pages are no wider than the screen
(tables scroll inside their box), and the language switch, the bell and sign-out stay reachable through
the header's toggler."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from liaison.intake.models import Project
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "Liaison@2026"
WIDTH, HEIGHT = 390, 844
PAGES = {
    "applicant1": ["/", "/intake/projects/", "/intake/requests/", "/closure/", "{project}"],
    "officer1": [
        "/",
        "/tracking/todo/",
        "/intake/my-projects/",
        "/consultations/",
        "/coordination/difficulties/",
        "/assessment/",
    ],
    "guide1": ["/", "/consultations/inbox/", "/tracking/todo/", "/consultations/records/"],
    "center_admin": [
        "/",
        "/intake/review/",
        "/intake/projects/",
        "/tracking/overview/",
        "/tracking/items/?light=red",
        "/consultations/",
        "/coordination/difficulties/",
        "/officers/",
        "/catalogue/roster/",
        "/publicity/manage/articles/",
        "/publicity/manage/enquiries/",
        "/complaints/",
    ],
    "center_leader": ["/", "/assessment/", "/assessment/methods/", "/supervision/"],
    "supervisor": ["/", "/audit/", "/supervision/", "/supervision/inspections/", "/complaints/integrity/"],
    "project_office": ["/", "/coordination/difficulties/"],
    "dept_admin1": ["/", "/catalogue/guide-changes/"],
}


def page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_every_roles_main_pages_fit_a_phone_and_sign_out_is_reachable(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    project = Project.objects.filter(
        enterprise__members__username="applicant1", registered_at__isnull=False
    ).first()
    assert project is not None
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    too_wide = []
    for username, paths in PAGES.items():
        sign_in(page, base, username, "/", password=DEMO_PASSWORD)
        for pattern in paths:
            path = pattern.format(project=f"/tracking/projects/{project.pk}/")
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status == 200, (username, path)
            if page_width(page) > WIDTH:
                too_wide.append((username, path, page_width(page)))
        # The header keeps the language switch, the bell and the user menu behind its toggler.
        expect(page.locator('[data-testid="logout"]')).to_be_hidden()
        page.click('[data-testid="topbar-toggle"]')
        expect(page.locator('[data-testid="lang-switch"]')).to_be_visible()
        expect(page.locator('[data-testid="bell"]')).to_be_visible()
        page.click('[data-testid="user-menu"]')
        expect(page.locator('[data-testid="logout"]')).to_be_in_viewport()
        page.click('[data-testid="logout"]')
        page.wait_for_url("**/accounts/login/")
        assert page_width(page) <= WIDTH
    assert too_wide == []


def test_a_wide_table_scrolls_inside_its_box_and_its_light_does_not_wrap(page: Page, live_server):
    call_command("load_demo")
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    sign_in(page, live_server.url, "officer1", "/tracking/todo/", password=DEMO_PASSWORD)
    box = page.locator('[data-testid="todo"]').locator(
        "xpath=ancestor::div[contains(@class,'table-responsive')]"
    )
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls, the page does not
    assert page_width(page) <= WIDTH
    light = page.locator('[data-testid="todo-row"] [data-testid="light"]').first
    height = light.evaluate("el => el.getBoundingClientRect().height")
    line = light.evaluate("el => parseFloat(getComputedStyle(el).fontSize) * 2")
    assert height < line  # one line, not one character per line
