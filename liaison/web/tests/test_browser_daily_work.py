"""In a real browser, on the demo district: every role's 我的待办 card shows the figures of its sidebar
badges and leads to the list behind each; the overview's 超期 figure opens the list of exactly those
items, whose Excel export has the same rows; the officer filters and searches their 待办."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from liaison.core.xlsx import HEADER_ROW
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "Liaison@2026"
ACCOUNTS = (
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer1",
    "guide1",
    "dept_admin1",
    "applicant1",
)
CARD = """() => {
  const out = {};
  for (const li of document.querySelectorAll('[data-testid="todo-card"] li')) {
    const path = new URL(li.querySelector('a').href).pathname;
    out[path] = (out[path] || 0) + Number(li.querySelector('[data-testid="todo-count"]').textContent);
  }
  for (const k of Object.keys(out)) { if (!out[k]) delete out[k]; }
  return out;
}"""
SIDEBAR = """() => {
  const out = {};
  for (const b of document.querySelectorAll('#sidebar [data-testid="nav-badge"]')) {
    out[new URL(b.closest('a').href).pathname] = Number(b.textContent);
  }
  return out;
}"""


def _rows_in_sheet(path: str) -> int:
    with open(path, "rb") as fh:
        sheet = load_workbook(io.BytesIO(fh.read())).active
    return sum(1 for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if any(row))


def test_each_roles_todo_card_equals_its_sidebar_badges_and_opens_its_list(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    with_work: set[str] = set()
    for username in ACCOUNTS:
        sign_in(page, base, username, "/", password=DEMO_PASSWORD)
        card, sidebar = page.evaluate(CARD), page.evaluate(SIDEBAR)
        assert card == sidebar, username
        if card:
            with_work.add(username)
        links = page.locator('[data-testid="todo-card"] a')
        if links.count():
            first = links.first
            href = first.get_attribute("href") or ""
            first.click()
            page.wait_for_load_state()
            assert page.url.startswith(base + href.split("#")[0]), username
    # the demo has work waiting on most roles, the centre's review queue and the officer's items among it
    assert len(with_work) >= 5 and {"center_admin", "officer1"} <= with_work, with_work
    # The project office has its own card now.
    sign_in(page, base, "project_office", "/", password=DEMO_PASSWORD)
    expect(page.locator('[data-testid="todo-card"]')).to_be_visible()


def test_the_overdue_figure_opens_its_list_and_the_export_has_the_same_rows(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    sign_in(page, base, "center_admin", "/tracking/overview/", password=DEMO_PASSWORD)
    figure = page.locator('[data-testid="light-total-red"]')
    overdue = int(re.findall(r"\d+", figure.inner_text())[-1])
    assert overdue > 0
    figure.click()
    page.wait_for_url("**/tracking/items/?light=red")
    expect(page.locator('[data-testid="light-red"]')).to_have_class(re.compile("active"))
    shown = page.locator('[data-testid="item-row"]')
    assert min(overdue, 25) == shown.count()
    assert all(light == "red" for light in shown.evaluate_all("rows => rows.map(r => r.dataset.light)"))
    with page.expect_download() as download:
        page.click('[data-testid="list-export"]')
    assert download.value.suggested_filename.endswith(".xlsx")
    assert _rows_in_sheet(download.value.path()) == overdue
    # A keyword narrows the list, and the export follows it.
    name = shown.first.locator("td").nth(1).locator("a").inner_text()
    page.fill("#list-q", name)
    page.click('[data-testid="list-search-submit"]')
    expect(page.locator("#list-q")).to_have_value(name)
    narrowed = page.locator('[data-testid="item-row"]').count()
    assert 0 < narrowed <= overdue
    with page.expect_download() as download:
        page.click('[data-testid="list-export"]')
    assert _rows_in_sheet(download.value.path()) == narrowed


def test_the_officer_filters_their_todo_by_light_and_pages_through_it(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    sign_in(page, base, "officer1", "/", password=DEMO_PASSWORD)
    page.click('[data-testid="todo-link-tracking.items"]')
    page.wait_for_url("**/tracking/todo/")
    everything = page.locator('[data-testid="todo-row"]').count()
    assert everything > 0
    page.click('[data-testid="light-red"]')
    page.wait_for_url("**/tracking/todo/?light=red")
    lights = page.locator('[data-testid="todo-row"] [data-testid="light"]')
    assert set(lights.evaluate_all("els => els.map(e => e.dataset.light)")) <= {"red"}


def test_the_officer_sorts_their_todo_by_a_column_header_both_ways(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    sign_in(page, base, "officer1", "/tracking/todo/", password=DEMO_PASSWORD)
    due = """() => [...document.querySelectorAll('[data-testid="todo-row"] td:nth-child(5)')]
                     .map(td => td.textContent.trim()).filter(t => t !== '—')"""
    page.click('[data-testid="sort-due"]')
    page.wait_for_url("**/tracking/todo/?sort=due")
    expect(page.locator('th[aria-sort="ascending"] [data-testid="sort-due"]')).to_be_visible()
    up = page.evaluate(due)
    assert len(up) > 1 and up == sorted(up)
    page.click('[data-testid="sort-due"]')  # the same header turns the order round
    page.wait_for_url("**/tracking/todo/?sort=-due")
    down = page.evaluate(due)
    assert down == sorted(down, reverse=True) and down[0] >= up[-1]
    page.click('[data-testid="light-red"]')  # a light filter keeps the order
    page.wait_for_url("**/tracking/todo/?light=red&sort=-due")
