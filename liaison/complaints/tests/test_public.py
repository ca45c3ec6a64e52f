"""The public complaint form (no sign-in, CAPTCHA, the per-address limit), the query code and the status
it shows (the integrity track only 已收到 / 办理中 / 已办结)."""

from __future__ import annotations

import re

import pytest

from liaison.complaints.models import Complaint
from liaison.complaints.services.integrity import integrity_conclude, integrity_register
from liaison.complaints.tests.support import SECRET_TEXT, pdf

pytestmark = pytest.mark.django_db
CAPTCHA = {"captcha_0": "anything", "captcha_1": "PASSED"}


def _post(client, case, **kw):
    data = {
        "track": "integrity",
        "subject_kind": "guide",
        "guide": str(case.world.guide.pk),
        "text": SECRET_TEXT,
        "anonymous": "on",
        **CAPTCHA,
        **kw,
    }
    return client.post("/complaints/new/", data)


def _code(response) -> str:
    return re.search(r'data-testid="query-code">([A-Z0-9]+)<', response.content.decode()).group(1)


def test_the_form_opens_without_signing_in(client, case):
    page = client.get("/complaints/new/")
    assert page.status_code == 200
    body = page.content.decode()
    assert (
        'data-testid="public-nav"' in body and "id_captcha_1" in body and case.world.guide.full_name in body
    )


def test_an_anonymous_integrity_complaint_gives_a_query_code_that_shows_only_three_states(client, case):
    done = _post(client, case, evidence=pdf())
    assert done.status_code == 200
    code = _code(done)
    c = Complaint.objects.get()
    assert c.track == "integrity" and c.anonymous and c.evidence.count() == 1
    status = client.post("/complaints/status/", {"code": code.lower()})
    assert "已收到" in status.content.decode() and SECRET_TEXT not in status.content.decode()
    integrity_register(actor=case.world.supervisor, complaint_id=c.pk)
    assert "办理中" in client.post("/complaints/status/", {"code": code}).content.decode()
    integrity_conclude(
        actor=case.world.supervisor, complaint_id=c.pk, finding="substantiated", conclusion="已处理"
    )
    page = client.post("/complaints/status/", {"code": code}).content.decode()
    assert "已办结" in page and "已处理" not in page and "属实" not in page
    wrong = client.post("/complaints/status/", {"code": "WRONGCODE123"})
    assert wrong.status_code == 400 and "查询码不正确" in wrong.content.decode()


def test_a_business_complaint_with_integrity_words_asks_to_confirm(client, case):
    data = {
        "track": "business",
        "text": "指导员索要红包",
        "name": "王丽娟",
        "phone": "13888120002",
        "anonymous": "",
    }
    asked = _post(client, case, **data)
    assert asked.status_code == 400 and 'data-testid="track-warning"' in asked.content.decode()
    assert "id_confirm_track" in asked.content.decode() and not Complaint.objects.exists()
    done = _post(client, case, confirm_track="on", **data)
    assert done.status_code == 200 and Complaint.objects.get().track == "business"


def test_refusals_keep_the_form_and_save_nothing(client, case):
    bad = _post(client, case, captcha_1="WRONG")
    assert bad.status_code == 400 and "验证码不正确" in bad.content.decode()
    anonymous_business = _post(client, case, track="business")
    assert (
        anonymous_business.status_code == 400
        and "只有廉政作风问题可以匿名" in anonymous_business.content.decode()
    )
    no_text = _post(client, case, text="")
    assert no_text.status_code == 400
    assert not Complaint.objects.exists()


def test_the_address_limit_refuses_the_sixth_submission(client, case, settings):
    settings.PUBLIC_SUBMISSIONS_PER_HOUR = 2
    assert _post(client, case).status_code == 200
    assert _post(client, case).status_code == 200
    refused = _post(client, case)
    assert refused.status_code == 400 and "提交过于频繁" in refused.content.decode()
    assert Complaint.objects.count() == 2


def test_a_signed_in_enterprise_files_a_business_complaint_about_its_project(client, case):
    client.force_login(case.world.applicant)
    data = {
        "track": "business",
        "subject_kind": "department",
        "department": str(case.world.guide.department_id),
        "project": str(case.project.pk),
        "text": "要求提交清单以外的材料",
        "name": "王丽娟",
        "email": "wang@example.com",
        "anonymous": "",
    }
    assert _post(client, case, **data).status_code == 200
    c = Complaint.objects.get()
    assert c.complainant_user == case.world.applicant and c.project == case.project
    assert c.number in client.get("/complaints/").content.decode()
