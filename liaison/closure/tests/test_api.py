"""/api/v1/closure: the same steps as the page, with 404 for outsiders, 403 for a role that may not take
the step, 400/422 for bad input, and nothing saved on refusal."""

from __future__ import annotations

import pytest

from liaison.closure.models import HandoverLine, ServiceStep
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.project_items import project_item_mark_not_needed

pytestmark = pytest.mark.django_db
LINE = {"name": "施工许可证", "issuer": "五华区住房和城乡建设局", "number": "530102202612010101", "pages": 1}


def _base(case):
    return f"/api/v1/closure/projects/{case.project.pk}"


def test_completion_through_the_api(client, case):
    w = case.world
    for item in ProjectItem.objects.filter(project=case.project):
        project_item_mark_not_needed(actor=w.officer_user, project_item=item, reason="无需办理")
    client.force_login(w.officer_user)
    body = client.get(_base(case)).json()
    assert body["state"] == "in_service" and "prepare_completion" in body["actions"]
    prepared = client.post(
        f"{_base(case)}/prepare-completion", {"lines": [LINE]}, content_type="application/json"
    )
    assert prepared.status_code == 200 and prepared.json()["handover_lines"][0]["number"] == LINE["number"]
    client.force_login(w.applicant)
    line = HandoverLine.objects.get()
    disputed = client.post(
        f"{_base(case)}/dispute-handover",
        {"disputes": {str(line.pk): "页数不符"}},
        content_type="application/json",
    )
    assert disputed.status_code == 200 and disputed.json()["state"] == "in_service"


def test_refusals_through_the_api_save_nothing(client, case):
    w = case.world
    client.force_login(w.officer_user)
    open_items = client.post(
        f"{_base(case)}/prepare-completion", {"lines": [LINE]}, content_type="application/json"
    )
    assert open_items.status_code == 400 and "未办结" in open_items.json()["detail"]
    too_many = client.post(
        f"{_base(case)}/prepare-completion",
        {"lines": [{**LINE, "copies": 10**6}]},
        content_type="application/json",
    )
    assert too_many.status_code == 422
    client.force_login(w.applicant)
    forbidden = client.post(f"{_base(case)}/confirm-termination", {}, content_type="application/json")
    assert forbidden.status_code in (400, 403)
    client.force_login(w.guide)
    assert client.get(_base(case)).status_code == 404
    assert client.get("/api/v1/closure/projects/99999999999999999999").status_code in (404, 422)
    assert not ServiceStep.objects.exists() and not HandoverLine.objects.exists()


def test_termination_through_the_api(client, case):
    w = case.world
    client.force_login(w.applicant)
    bad = client.post(
        f"{_base(case)}/request-termination",
        {"reason": "nonsense", "note": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["detail"] == "请选择终止原因。"
    asked = client.post(
        f"{_base(case)}/request-termination",
        {"reason": "enterprise_request", "note": "资金未落实"},
        content_type="application/json",
    )
    assert asked.json()["state"] == "termination_requested"
    client.force_login(w.center_admin)
    bad_line = client.post(
        f"{_base(case)}/confirm-termination",
        {"comment": "同意", "lines": [{"name": "会议纪要", "copies": 0}]},
        content_type="application/json",
    )
    assert bad_line.status_code in (400, 422)
    done = client.post(
        f"{_base(case)}/confirm-termination",
        {"comment": "同意", "lines": [{"name": "会议纪要", "copies": 1}]},
        content_type="application/json",
    )
    body = done.json()
    assert body["state"] == "terminated" and body["ended"] is True and body["termination_handover_pending"]
    assert [line["name"] for line in body["handover_lines"]] == ["会议纪要"]
    assert "confirm_termination_receipt" not in body["actions"]  # the centre's view: the enterprise acts
    client.force_login(w.applicant)
    receipt = client.post(
        f"{_base(case)}/confirm-termination-receipt", {"comment": "已收到"}, content_type="application/json"
    )
    assert receipt.status_code == 200 and receipt.json()["termination_handover_pending"] is False
    again = client.post(f"{_base(case)}/confirm-termination-receipt", {}, content_type="application/json")
    assert again.status_code == 400 and again.json()["detail"] == "没有待确认的终止移交资料。"
