"""In a real browser: the supervisor opens the desk (its figures equal the rows built here), follows the
overdue-items figure to tracking's list, opens an inspection of an officer requiring rectification; the
officer reports; the supervisor closes it."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.supervision.models import Inspection, InspectionState
from liaison.testing.browser import sign_in
from liaison.tracking.lights import light_context
from liaison.tracking.models import ProjectItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_supervisor_follows_a_figure_and_runs_an_inspection_to_its_close(page, live_server, case):
    w, base = case.world, live_server.url
    ctx = light_context()
    ProjectItem.objects.filter(pk=case.item.pk).update(due_on=ctx.today - dt.timedelta(days=3))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, w.supervisor, "/supervision/")
    figure = page.locator('[data-testid="figure-items_red"]')
    assert figure.get_attribute("data-count") == "1"
    assert page.get_attribute('[data-testid="figure-items_yellow"]', "data-count") == "0"
    assert page.get_attribute('[data-testid="figure-inspections_opened"]', "data-count") == "0"
    figure.click()
    page.wait_for_url("**/tracking/items/?light=red")
    assert case.item.approval_item.name in page.inner_text("main")

    page.goto(f"{base}/supervision/inspections/new/")
    page.check("#type-officer")
    page.select_option("#subject-officer", str(w.officer.pk))
    page.fill("#title", "联络官服务纪律抽查")
    page.fill("#findings", "事项超期未及时协调")
    page.click('[data-testid="inspection-submit"]')
    page.wait_for_selector('[data-state="open"]')
    inspection = Inspection.objects.get()
    page.fill("#require-asked", "三个工作日内说明超期原因并制定措施")
    page.fill("#require-days", "5")
    page.click('[data-testid="submit-require"]')
    page.wait_for_selector('[data-state="rectifying"]')
    assert "整改期限" in page.inner_text('[data-testid="rectify-due"]')

    sign_in(page, base, w.officer_user, "/supervision/inspections/?state=rectifying")
    page.click(f"a[href='/supervision/inspections/{inspection.pk}/']")
    assert "事项超期未及时协调" not in page.content()  # the findings stay with the supervisors
    page.fill("#report-text", "已说明原因，建立周调度机制")
    page.click('[data-testid="submit-report"]')
    page.wait_for_selector('[data-state="reviewing"]')

    sign_in(page, base, w.supervisor, "/supervision/")
    assert page.get_attribute('[data-testid="figure-inspections_opened"]', "data-count") == "1"
    assert page.get_attribute('[data-testid="figure-inspections_required"]', "data-count") == "1"
    page.goto(f"{base}/supervision/inspections/{inspection.pk}/")
    page.fill("#close-conclusion", "整改到位，予以办结")
    page.click('[data-testid="submit-close"]')
    page.wait_for_selector('[data-state="closed"]')
    assert Inspection.objects.get().state == InspectionState.CLOSED
    page.goto(f"{base}/supervision/")
    assert page.get_attribute('[data-testid="figure-inspections_closed"]', "data-count") == "1"
    assert not errors
