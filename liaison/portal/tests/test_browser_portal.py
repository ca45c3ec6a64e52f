"""In a real browser, as an anonymous visitor: the portal home, the service page and its self-check to a
qualifying and a non-qualifying result, the process diagram, an item's guide, the statistics and their CSV
download, the rules; axe-core finds no serious violation on any of them; at 360 px no page scrolls
sideways; the 适老化 mode stays on across pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from liaison.testing.axe import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = [
    "/portal/",
    "/portal/service/",
    "/portal/process/",
    "/portal/guides/",
    "/portal/statistics/",
    "/portal/rules/",
    "/portal/rules/rules/",
]


def accessible(page: Page) -> None:
    assert serious_violations(page) == [], page.url


def test_an_anonymous_visitor_reads_the_portal(page: Page, live_server, case):
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{base}/")
    assert page.url == f"{base}/portal/"
    accessible(page)
    page.click('[data-testid="public-nav"] >> text=服务介绍')
    page.wait_for_url(f"{base}/portal/service/")
    assert "免费" in page.inner_text("main")
    accessible(page)

    page.fill("#id_total_investment", "30000000")
    page.click('[data-testid="self-check-submit"]')
    page.wait_for_selector('[data-testid="eligibility-verdict"]')
    assert "符合实施细则第八条代办范围" in page.inner_text('[data-testid="eligibility-verdict"]')
    assert page.locator('[data-testid="clause-1"]').inner_text().count("符合") >= 1
    accessible(page)
    page.fill("#id_total_investment", "1000000")
    page.click('[data-testid="self-check-submit"]')
    page.wait_for_selector('[data-testid="eligibility-verdict"]')
    assert "不符合实施细则第八条任何一项" in page.inner_text('[data-testid="eligibility-verdict"]')
    assert "未达到" in page.inner_text('[data-testid="clause-1"]')
    accessible(page)

    page.click('[data-testid="public-nav"] >> text=办事流程')
    page.wait_for_url(f"{base}/portal/process/")
    expect(page.locator('[data-testid="process-svg"]')).to_have_count(4)
    assert "审批事项代办" in page.inner_text("main")
    accessible(page)

    page.click('[data-testid="public-nav"] >> text=办事指南')
    page.wait_for_url(f"{base}/portal/guides/")
    accessible(page)
    page.click('[data-testid="guide-link"]')
    page.wait_for_selector('[data-testid="guide-materials"]')
    assert "DRC-201" in page.inner_text("main")
    accessible(page)

    page.click('[data-testid="public-nav"] >> text=数据公开')
    page.wait_for_url(f"{base}/portal/statistics/")
    assert "<3" in page.inner_text('[data-testid="total-served"]')
    accessible(page)
    with page.expect_download() as download:
        page.click('[data-testid="download-csv"]')
    text = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert text.startswith("section,group,measure") and "served" in text

    page.click('[data-testid="public-nav"] >> text=规章制度')
    page.wait_for_url(f"{base}/portal/rules/")
    page.click('[data-testid="rule-link"]')
    page.wait_for_selector('[data-testid="document-body"]')
    assert "第八条" in page.inner_text('[data-testid="document-body"]')
    accessible(page)
    assert errors == []


def test_every_public_page_fits_360_px_and_the_care_mode_stays_on(page: Page, live_server, case):
    base = live_server.url
    page.set_viewport_size({"width": 360, "height": 780})
    too_wide = []
    for path in PAGES:
        page.goto(f"{base}{path}")
        if int(page.evaluate("document.documentElement.scrollWidth")) > 360:
            too_wide.append(path)
    assert too_wide == []

    page.goto(f"{base}/portal/")
    page.click('[data-testid="care-toggle"]')
    assert "care-mode" in (page.locator("html").get_attribute("class") or "")
    for path in PAGES:
        page.goto(f"{base}{path}")
        assert "care-mode" in (page.locator("html").get_attribute("class") or ""), path
        assert int(page.evaluate("document.documentElement.scrollWidth")) <= 360, path
        accessible(page)
    page.click('[data-testid="care-toggle"]')
    assert "care-mode" not in (page.locator("html").get_attribute("class") or "")
