"""axe-core (WCAG 2.1 AA rules) on the signed-in pages people use daily, on the demo district: every
role's dashboard and its main lists, the officer's plan and tracking pages of a project they serve.
No serious or critical violation on any of them."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import Page

from liaison.intake.models import Project
from liaison.testing.axe import BLOCKING_IMPACTS, axe_results
from liaison.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "Liaison@2026"
PAGES = {
    "officer1": [
        "/",
        "/tracking/todo/",
        "/intake/my-projects/",
        "/consultations/",
        "/coordination/difficulties/",
        "/tracking/projects/{project}/plan/",
        "/tracking/projects/{project}/",
    ],
    "center_admin": [
        "/",
        "/intake/review/",
        "/intake/projects/",
        "/tracking/overview/",
        "/tracking/items/?light=red",
        "/officers/",
        "/catalogue/roster/",
        "/evaluation/figures/",
        "/complaints/",
        "/publicity/manage/articles/",
    ],
    "guide1": ["/", "/consultations/inbox/", "/consultations/records/"],
    "center_leader": ["/", "/assessment/"],
    "supervisor": ["/", "/supervision/", "/complaints/integrity/"],
    "project_office": ["/"],
    "dept_admin1": ["/"],
    "applicant1": ["/", "/intake/projects/", "/closure/"],
}


def violations_on(page: Page) -> list[tuple[str, str, str]]:
    """(rule id, target, what axe says is wrong) of each node in a serious or critical violation."""
    return [
        (violation["id"], " ".join(node["target"]), " ".join(node.get("failureSummary", "").split()))
        for violation in axe_results(page)["violations"]
        if violation.get("impact") in BLOCKING_IMPACTS
        for node in violation["nodes"]
    ]


def test_every_roles_daily_pages_have_no_serious_accessibility_violations(page: Page, live_server):
    call_command("load_demo")
    base = live_server.url
    project = Project.objects.filter(
        assignments__officer__user__username="officer1",
        assignments__is_active=True,
        service_plan__isnull=False,
    ).first()
    assert project is not None
    found = []
    for username, paths in PAGES.items():
        sign_in(page, base, username, "/", password=DEMO_PASSWORD)
        for pattern in paths:
            path = pattern.format(project=project.pk)
            response = page.goto(f"{base}{path}")
            assert response is not None and response.status == 200, (username, path)
            page.wait_for_selector("main")
            found.extend((username, path, *violation) for violation in violations_on(page))
    report = "\n".join(
        f"{user} {path}: {rule} at {target} — {summary}" for user, path, rule, target, summary in found
    )
    assert found == [], f"{len(found)} serious or critical axe violations:\n{report}"
