"""In a real browser (Art. 9): the officer sets a dated to-do for the enterprise on the project's tracking
page; the enterprise sees it on its dashboard and at the top of its project page, and marks it done."""

from __future__ import annotations

import pytest

from liaison.testing.browser import sign_in
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.services.obligations import default_due
from liaison.tracking.tests.builders import dispatched_project, draft, make_catalogue_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_officer_sets_a_to_do_and_the_enterprise_sees_it_and_marks_it_done(
    page, live_server, world, department
):
    make_catalogue_item(world.center_admin, department, "DRC-101", limit=5, guide=world.guide)
    project = dispatched_project(world, name="翠湖智造研发中心")
    draft(world, project, default_due())
    base, officer, applicant = live_server.url, world.officer_user, world.applicant
    project_path = f"/tracking/projects/{project.pk}/"
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the officer opens the form: the due date is already the centre's default period
    sign_in(page, base, officer, project_path)
    page.click('[data-testid="obligation-open"]')
    assert page.input_value("#id_due_on") == default_due().isoformat()
    page.select_option("#id_kind", "attendance")
    page.fill("#id_title", "法定代表人到窗口现场签字")
    page.fill("#id_details", "携带身份证原件和公章。")
    page.click('[data-testid="obligation-submit"]')
    page.wait_for_selector(".alert-success")
    section = page.inner_text('[data-testid="obligations"]')
    assert "法定代表人到窗口现场签字" in section and "现场办理" in section
    todo = EnterpriseObligation.objects.get()

    # the enterprise sees it on its dashboard, then at the top of its project page, and marks it done
    sign_in(page, base, applicant, "/")
    panel = page.inner_text('[data-testid="obligations-panel"]')
    assert "法定代表人到窗口现场签字" in panel and "携带身份证原件和公章" in panel
    page.click('[data-testid="obligations-panel"] a:has-text("翠湖智造研发中心")')
    page.wait_for_selector('[data-testid="obligations"]')
    assert "我单位的待办" in page.inner_text('[data-testid="obligations"]')
    page.click(f'[data-testid="obligation-done-{todo.pk}"]')
    page.wait_for_selector(f'[data-testid="obligation-{todo.pk}"][data-light="done"]')
    assert "已完成" in page.inner_text(f'[data-testid="obligation-{todo.pk}"]')
    todo.refresh_from_db()
    assert todo.done and todo.done_by == applicant

    # nothing left on the dashboard; the officer sees it done
    page.goto(base + "/")
    assert "法定代表人到窗口现场签字" not in page.inner_text('[data-testid="obligations-panel"]')
    sign_in(page, base, officer, project_path)
    assert page.get_attribute(f'[data-testid="obligation-{todo.pk}"]', "data-light") == "done"
    assert not errors


def test_a_guide_asks_the_enterprise_for_a_revision_of_their_own_item(page, live_server, world, department):
    item = make_catalogue_item(world.center_admin, department, "DRC-102", limit=5, guide=world.guide)
    project = dispatched_project(world, name="滇池路文创园")
    draft(world, project, default_due())
    base = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    sign_in(page, base, world.guide, f"/tracking/projects/{project.pk}/")
    page.click('[data-testid="obligation-open"]')
    options = page.locator("#id_project_item option").all_inner_texts()
    assert any(item.name in o for o in options)
    page.select_option("#id_kind", "revision")
    page.fill("#id_title", "修改总平面图并加盖设计单位公章")
    page.click('[data-testid="obligation-submit"]')
    page.wait_for_selector(".alert-danger, .alert-warning")  # no item chosen: refused with a message
    assert not EnterpriseObligation.objects.exists()
    page.click('[data-testid="obligation-open"]')
    page.select_option("#id_kind", "revision")
    page.fill("#id_title", "修改总平面图并加盖设计单位公章")
    page.select_option("#id_project_item", label=next(o for o in options if item.name in o))
    page.click('[data-testid="obligation-submit"]')
    page.wait_for_selector(".alert-success")
    assert "修改总平面图并加盖设计单位公章" in page.inner_text('[data-testid="obligations"]')
    made = EnterpriseObligation.objects.get()
    assert (made.created_by, made.project_item.approval_item) == (world.guide, item)
    assert not errors
