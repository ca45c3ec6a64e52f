"""The service page: each role sees the steps it may take, bad input is answered beside the form and saves
nothing, outsiders find nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.closure.models import HandoverLine, ServiceState, ServiceStep
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.project_items import project_item_mark_not_needed

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("closure:service", args=[case.project.pk])


def _lines(n=4, **rows):
    data = {
        "lines-TOTAL_FORMS": str(n),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "200",
    }
    for i in range(n):
        data.update({f"lines-{i}-copies": "1", f"lines-{i}-original": "1", f"lines-{i}-handed_over": "on"})
    return {**data, **rows}


def _finish(case):
    for item in ProjectItem.objects.filter(project=case.project):
        project_item_mark_not_needed(actor=case.world.officer_user, project_item=item, reason="无需办理")


def test_the_officer_prepares_completion_and_the_enterprise_confirms_on_the_page(client, case):
    w = case.world
    _finish(case)
    client.force_login(w.officer_user)
    page = client.get(_url(case)).content.decode()
    assert 'data-testid="prepare-form"' in page and 'data-testid="all-final"' in page
    posted = client.post(
        _url(case),
        {
            "action": "prepare_completion",
            **_lines(**{"lines-0-name": "建设工程规划许可证", "lines-0-number": "建字第001号"}),
        },
    )
    assert posted.status_code == 302
    assert list(HandoverLine.objects.values_list("name", "number")) == [("建设工程规划许可证", "建字第001号")]
    client.force_login(w.applicant)
    page = client.get(_url(case)).content.decode()
    assert 'data-testid="confirm-receipt"' in page and "建设工程规划许可证" in page
    assert client.post(_url(case), {"action": "confirm_receipt"}).status_code == 302
    assert ServiceStep.objects.last().to_state == ServiceState.RECEIPT_CONFIRMED


def test_a_document_kept_back_without_a_reason_is_refused_and_nothing_saved(client, case):
    _finish(case)
    client.force_login(case.world.officer_user)
    data = _lines(**{"lines-0-name": "审图合格书", "lines-0-handed_over": ""})
    response = client.post(_url(case), {"action": "prepare_completion", **data})
    assert response.status_code == 400
    assert "未移交原因" in response.content.decode()
    assert not HandoverLine.objects.exists() and not ServiceStep.objects.exists()


def test_a_termination_request_needs_a_reason_and_shows_it(client, case):
    client.force_login(case.world.applicant)
    bad = client.post(
        _url(case), {"action": "request_termination", "reason": "enterprise_request", "note": ""}
    )
    assert bad.status_code == 400 and not ServiceStep.objects.exists()
    ok = client.post(
        _url(case), {"action": "request_termination", "reason": "enterprise_request", "note": "资金未落实"}
    )
    assert ok.status_code == 302
    page = client.get(_url(case)).content.decode()
    assert "资金未落实" in page and 'data-state="termination_requested"' in page


@pytest.mark.parametrize("persona", ["guide", "project_office", "other"])
def test_outsiders_do_not_find_the_page(client, case, persona):
    user = case.other_officer.user if persona == "other" else getattr(case.world, persona)
    client.force_login(user)
    assert client.get(_url(case)).status_code == 404
    assert (
        client.post(_url(case), {"action": "request_termination", "reason": "other", "note": "x"}).status_code
        == 404
    )
    assert not ServiceStep.objects.exists()


def test_an_unknown_action_is_refused(client, case):
    client.force_login(case.world.center_admin)
    response = client.post(_url(case), {"action": "drop_tables"})
    assert response.status_code == 400 and "未知的操作" in response.content.decode()


def test_the_list_shows_services_by_state_for_those_who_may_see_them(
    client, case, django_assert_max_num_queries
):
    from liaison.closure.services.termination import service_request_termination

    w = case.world
    service_request_termination(
        actor=w.applicant, project=case.project, reason="enterprise_request", note="暂缓"
    )
    client.force_login(w.center_admin)
    html = client.get(reverse("closure:list")).content.decode()
    assert html.count('data-testid="service-row"') == 2  # the project and the other officer's
    waiting = client.get(reverse("closure:list"), {"state": "termination_requested"}).content.decode()
    assert waiting.count('data-testid="service-row"') == 1 and case.project.name in waiting
    assert 'data-light="' in waiting
    client.force_login(case.other_officer.user)
    theirs = client.get(reverse("closure:list")).content.decode()
    assert theirs.count('data-testid="service-row"') == 1 and case.project.name not in theirs
    client.force_login(w.guide)
    assert client.get(reverse("closure:list")).content.decode().count('data-testid="service-row"') == 0
    client.force_login(w.center_admin)
    with django_assert_max_num_queries(25):
        client.get(reverse("closure:list"), {"state": "nonsense", "q": "螺蛳湾"})
