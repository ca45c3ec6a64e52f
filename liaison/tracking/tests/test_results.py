"""An approved item's result document: the approval form and the API ask for it (number, issuing body,
date; scan optional), it can be recorded afterwards by the guide or the officer only, bad input saves
nothing (neither the approval nor the document)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.tracking.models import ProjectItem
from liaison.tracking.tests.builders import draft, item_of, pdf
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
YESTERDAY = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
RESULT = {"result_number": "建字第530102202600123号", "result_issuer": "昆明市自然资源和规划局"}


@pytest.fixture
def accepted(track):
    draft(track.world, track.project, START)
    return track.driver.to(item_of(track.project, "A"), "accepted")


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_the_guide_approves_on_the_page_with_the_result_document(client, track, accepted):
    client.force_login(track.world.guide)
    url = reverse("tracking:item_transition", args=[accepted.pk])
    posted = client.post(
        url,
        {"name": "approve", **RESULT, "result_issued_on": YESTERDAY, "result_file": pdf()},
        follow=True,
    )
    assert "资料保管台账" in _messages(posted)
    item = ProjectItem.objects.get(pk=accepted.pk)
    assert (item.state, item.result_number, bool(item.result_file)) == (
        "approved",
        RESULT["result_number"],
        True,
    )
    assert item.result_name == f"{item.approval_item.name}批准文件"
    assert (
        'data-testid="item-result"' in client.get(reverse("tracking:item", args=[item.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"result_issuer": "规划局", "result_issued_on": YESTERDAY}, "文号"),
        ({**RESULT}, "发文（发证）日期"),
        ({**RESULT, "result_issued_on": "2999-01-01"}, "不能晚于今天"),
        ({**RESULT, "result_issued_on": YESTERDAY, "result_file": pdf(content=b"MZ not a pdf")}, "文件类型"),
    ],
)
def test_an_approval_without_a_proper_result_saves_nothing(client, track, accepted, data, message):
    client.force_login(track.world.guide)
    url = reverse("tracking:item_transition", args=[accepted.pk])
    posted = client.post(url, {"name": "approve", **data}, follow=True)
    assert message in _messages(posted)
    item = ProjectItem.objects.get(pk=accepted.pk)
    assert (item.state, item.result_number) == ("accepted", "")
    assert not AuditEvent.objects.filter(
        action__in=["project_item.approve", "project_item.record_result"]
    ).exists()


def test_the_api_asks_for_the_result_with_the_approval(client, track, accepted):
    client.force_login(track.world.guide)
    url = f"/api/v1/tracking/items/{accepted.pk}/transitions"
    missing = client.post(url, {"name": "approve"}, content_type="application/json")
    assert missing.status_code == 400 and "审批结果文件" in missing.json()["detail"]
    assert ProjectItem.objects.get(pk=accepted.pk).state == "accepted"
    result = {"number": "证-1", "issuer": "住建局", "issued_on": YESTERDAY}
    ok = client.post(url, {"name": "approve", "result": result}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["result_number"] == "证-1" and ok.json()["state"] == "approved"


def test_the_officer_records_the_result_afterwards_and_others_may_not(client, track, second_guide, accepted):
    from liaison.tracking.services.project_items import project_item_approve

    w = track.world
    item = project_item_approve(actor=w.guide, project_item=accepted)
    url = reverse("tracking:item_result", args=[item.pk])
    api = f"/api/v1/tracking/items/{item.pk}/result"
    body = {"number": "证-2", "issuer": "住建局", "issued_on": YESTERDAY}
    for user, page_status, api_status in (
        (w.applicant, 302, 403),
        (w.center_admin, 302, 403),
        (second_guide, 404, 404),  # not this item's guide
        (track.other_officer.user, 404, 404),
    ):
        client.force_login(user)
        assert client.post(url, {**RESULT, "result_issued_on": YESTERDAY}).status_code == page_status
        assert client.post(api, body, content_type="application/json").status_code == api_status
    assert ProjectItem.objects.get(pk=item.pk).result_number == ""
    client.force_login(w.officer_user)
    page = client.get(reverse("tracking:item", args=[item.pk])).content.decode()
    assert 'data-testid="result-missing"' in page and 'data-testid="record-result"' in page
    client.post(url, {**RESULT, "result_issued_on": YESTERDAY})
    assert ProjectItem.objects.get(pk=item.pk).result_number == RESULT["result_number"]
    assert client.post(api, body, content_type="application/json").json()["result_number"] == "证-2"


def test_an_open_item_takes_no_result(client, track, accepted):
    client.force_login(track.world.officer_user)
    response = client.post(
        f"/api/v1/tracking/items/{accepted.pk}/result",
        {"number": "x", "issuer": "y", "issued_on": YESTERDAY},
        content_type="application/json",
    )
    assert response.status_code == 400 and "已办结" in response.json()["detail"]
