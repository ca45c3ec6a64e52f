"""Request pages of the enterprise: draft (full or partial), detail with Art. 8, submit, withdraw, files."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from liaison.intake.models import Entrustment, EntrustmentAttachment, EntrustmentStatus
from liaison.intake.tests.test_views_support import (
    logged_in,
    make_draft,
    make_item,
    make_project,
    make_submitted,
    register_applicant,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _plain_http(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_applicant_drafts_a_partial_request_with_stages_and_items(center_admin, department):
    item = make_item(center_admin, department, stage="construction_permit", code="DRC-901")
    applicant = register_applicant()
    project = make_project(applicant)
    client = logged_in(applicant)
    form = client.get(reverse("intake:request_create", args=[project.pk])).content.decode()
    assert 'data-testid="item-DRC-901"' in form and "施工许可阶段" in form
    response = client.post(
        reverse("intake:request_create", args=[project.pk]),
        {"scope": "partial", "stages": ["approval_land"], "items": [item.pk], "notes": "急需"},
    )
    entrustment = Entrustment.objects.get(project=project)
    assert response["Location"] == reverse("intake:request_detail", args=[entrustment.pk])
    assert entrustment.status == EntrustmentStatus.DRAFT
    assert entrustment.stages == ["approval_land", "construction_permit"]
    assert list(entrustment.items.all()) == [item]


def test_partial_request_without_any_stage_or_item_is_refused():
    applicant = register_applicant()
    project = make_project(applicant)
    response = logged_in(applicant).post(
        reverse("intake:request_create", args=[project.pk]), {"scope": "partial"}
    )
    assert "部分委托请至少选择一个审批阶段或一个事项" in response.content.decode()
    assert not Entrustment.objects.exists()


def test_unknown_item_is_refused_and_nothing_saved():
    applicant = register_applicant()
    project = make_project(applicant)
    response = logged_in(applicant).post(
        reverse("intake:request_create", args=[project.pk]), {"scope": "partial", "items": ["99999"]}
    )
    assert "所选事项中有不存在或已停用的事项" in response.content.decode()
    assert not Entrustment.objects.exists()


def test_second_live_request_for_a_project_is_refused():
    applicant = register_applicant()
    draft = make_draft(applicant)
    response = logged_in(applicant).post(
        reverse("intake:request_create", args=[draft.project_id]), {"scope": "full"}
    )
    assert "已有进行中的委托申请" in response.content.decode()
    assert Entrustment.objects.count() == 1


def test_detail_of_a_draft_previews_eligibility_and_shows_the_terms():
    applicant = register_applicant()
    draft = make_draft(applicant, project=make_project(applicant, total_investment="20000000.00"))
    html = logged_in(applicant).get(reverse("intake:request_detail", args=[draft.pk])).content.decode()
    assert "按" in html and "预检，未保存" in html
    assert "达到 2,000.00 万元以上（含本数）" in html
    assert "自愿委托、无偿代办" in html and "不收取任何费用" in html
    assert 'data-testid="accept-terms"' in html
    assert 'data-testid="ineligible-box"' not in html
    partial = (
        logged_in(applicant).get(reverse("intake:request_eligibility", args=[draft.pk])).content.decode()
    )
    assert 'data-testid="clause-1"' in partial and 'data-testid="clause-4"' in partial


def test_ineligible_draft_asks_for_a_reason_and_refuses_submission_without_one():
    applicant = register_applicant()
    draft = make_draft(applicant, project=make_project(applicant, total_investment="19999999.99"))
    client = logged_in(applicant)
    html = client.get(reverse("intake:request_detail", args=[draft.pk])).content.decode()
    assert 'data-testid="ineligible-box"' in html
    response = client.post(
        reverse("intake:request_submit", args=[draft.pk]), {"accept_terms": "on"}, follow=True
    )
    assert "请填写申请理由" in response.content.decode()
    assert Entrustment.objects.get(pk=draft.pk).status == EntrustmentStatus.DRAFT
    client.post(
        reverse("intake:request_submit", args=[draft.pk]),
        {"accept_terms": "on", "ineligible_reason": "项目为区重点招商项目配套"},
    )
    submitted = Entrustment.objects.get(pk=draft.pk)
    assert submitted.status == EntrustmentStatus.SUBMITTED
    assert submitted.ineligible_reason == "项目为区重点招商项目配套"
    assert submitted.eligibility["eligible"] is False


def test_submitting_without_accepting_the_terms_is_refused():
    applicant = register_applicant()
    draft = make_draft(applicant)
    response = logged_in(applicant).post(reverse("intake:request_submit", args=[draft.pk]), {}, follow=True)
    assert "请阅读并同意" in response.content.decode()
    assert Entrustment.objects.get(pk=draft.pk).status == EntrustmentStatus.DRAFT


def test_submitted_detail_shows_the_recorded_result_clause_by_clause(center_admin):
    applicant = register_applicant()
    submitted = make_submitted(applicant, project=make_project(applicant, key_level="city"))
    html = logged_in(center_admin).get(reverse("intake:request_detail", args=[submitted.pk])).content.decode()
    assert "审查结果" in html
    assert "第八条（二）区级及以上重点社会投资建设项目" in html
    assert "项目为市级重点项目" in html
    assert 'data-testid="accept-form"' in html and 'data-testid="return-form"' in html


def test_applicant_withdraws_a_submitted_request():
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    logged_in(applicant).post(reverse("intake:request_withdraw", args=[submitted.pk]), {"reason": "计划调整"})
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.WITHDRAWN


def test_editing_a_submitted_request_is_not_possible():
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    client = logged_in(applicant)
    response = client.post(
        reverse("intake:request_edit", args=[submitted.pk]), {"scope": "full"}, follow=True
    )
    assert "不能修改" in response.content.decode()
    assert Entrustment.objects.get(pk=submitted.pk).scope == "partial"


def test_applicant_edits_a_draft():
    applicant = register_applicant()
    draft = make_draft(applicant)
    logged_in(applicant).post(reverse("intake:request_edit", args=[draft.pk]), {"scope": "full"})
    assert Entrustment.objects.get(pk=draft.pk).scope == "full"


def test_attachment_upload_and_permission_checked_download(center_admin):
    applicant = register_applicant()
    draft = make_draft(applicant)
    client = logged_in(applicant)
    client.post(
        reverse("intake:attachment_upload", args=[draft.pk]),
        {"file": SimpleUploadedFile("备案证明.pdf", PDF), "description": "备案证明"},
    )
    attachment = EntrustmentAttachment.objects.get()
    url = reverse("intake:attachment_download", args=[attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert logged_in(register_applicant()).get(url).status_code == 404
    assert logged_in(center_admin).get(url).status_code == 404  # the centre does not see drafts
    assert client.get(reverse("intake:attachment_download", args=[attachment.pk + 99])).status_code == 404


def test_a_file_of_the_wrong_type_is_refused_with_a_message():
    applicant = register_applicant()
    draft = make_draft(applicant)
    response = logged_in(applicant).post(
        reverse("intake:attachment_upload", args=[draft.pk]),
        {"file": SimpleUploadedFile("假装.pdf", b"MZ\x90\x00 not a pdf")},
        follow=True,
    )
    assert "文件类型不符合要求" in response.content.decode()
    assert not EntrustmentAttachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 100
    applicant = register_applicant()
    draft = make_draft(applicant)
    response = logged_in(applicant).post(
        reverse("intake:attachment_upload", args=[draft.pk]),
        {"file": SimpleUploadedFile("大文件.pdf", PDF + b"0" * 200)},
        follow=True,
    )
    assert "超过上限" in response.content.decode()
    assert not EntrustmentAttachment.objects.exists()


def test_request_list_shows_own_requests_in_every_state():
    applicant = register_applicant()
    make_draft(applicant, project=make_project(applicant, name="草稿项目"))
    make_submitted(applicant, project=make_project(applicant, name="已提交项目"))
    make_draft(register_applicant(), project=None)
    response = logged_in(applicant).get(reverse("intake:request_list"))
    html = response.content.decode()
    assert "草稿项目" in html and "已提交项目" in html
    assert html.count('data-testid="request-row"') == 2
    drafts_only = (
        logged_in(applicant).get(reverse("intake:request_list"), {"status": "draft"}).content.decode()
    )
    assert drafts_only.count('data-testid="request-row"') == 1


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "center_admin", "supervisor"])
def test_others_cannot_see_or_act_on_an_enterprises_draft(client, request, persona):
    draft = make_draft(register_applicant())
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:request_detail", args=[draft.pk])).status_code == 404
    for name in ("request_submit", "request_withdraw", "attachment_upload"):
        assert client.post(reverse(f"intake:{name}", args=[draft.pk])).status_code == 404, name
    assert Entrustment.objects.get(pk=draft.pk).status == EntrustmentStatus.DRAFT


def test_centre_cannot_submit_or_withdraw_for_the_enterprise(center_admin):
    submitted = make_submitted(register_applicant())
    client = logged_in(center_admin)
    assert client.post(reverse("intake:request_withdraw", args=[submitted.pk])).status_code == 404
    assert client.get(reverse("intake:request_edit", args=[submitted.pk])).status_code == 404
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED
