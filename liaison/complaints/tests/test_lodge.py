"""Lodging: the checks before anything is saved, the wording check of the track, the query code."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.complaints.models import BusinessState, Complaint, Evidence, IntegrityState
from liaison.complaints.services.common import code_hash
from liaison.complaints.services.lodge import TrackWordsFound
from liaison.complaints.tests.support import lodge_business, lodge_integrity
from liaison.core.errors import DomainError
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_a_business_complaint_is_received_with_its_reply_deadline_and_the_centre_is_told(case):
    lodged = lodge_business(case)
    c = lodged.complaint
    assert c.state == BusinessState.RECEIVED and c.number.startswith("TS")
    assert c.reply_due is not None and c.due_on == c.reply_due
    assert c.complainant_user == case.world.applicant and c.department == case.world.guide.department
    assert c.query_code_hash == code_hash(lodged.query_code) and lodged.query_code not in c.query_code_hash
    assert Notification.objects.filter(recipient=case.world.center_admin, kind="complaint.lodged").exists()


def test_a_business_complaint_cannot_be_anonymous_and_needs_a_way_to_reply(case):
    with pytest.raises(DomainError, match="只有廉政作风问题可以匿名"):
        lodge_business(case, anonymous=True)
    with pytest.raises(DomainError, match="至少留下一种联系方式"):
        lodge_business(case, phone="", email="")
    with pytest.raises(DomainError, match="姓名"):
        lodge_business(case, name="")
    assert not Complaint.objects.exists()


def test_integrity_words_in_a_business_complaint_ask_the_complainant_and_change_nothing(case):
    with pytest.raises(TrackWordsFound) as caught:
        lodge_business(case, text="指导员暗示要送礼才给办，还索要红包")
    assert {"送礼", "索要", "红包"} <= set(caught.value.details["words"])
    assert not Complaint.objects.exists()
    c = lodge_business(case, text="指导员暗示要送礼才给办", confirm_track=True).complaint
    assert c.track == "business" and c.wording_confirmed


def test_an_anonymous_integrity_complaint_is_sealed_and_the_supervisors_are_told(case):
    c = lodge_integrity(case).complaint
    assert c.state == IntegrityState.RECEIVED and c.anonymous and c.registration_due
    assert c.text == "" and c.complainant_name == "" and c.complainant_user is None and c.sealed
    e = Evidence.objects.get(complaint=c)
    assert e.name == "" and e.sealed_name
    assert Notification.objects.filter(recipient=case.world.supervisor, kind="complaint.lodged").exists()
    assert not Notification.objects.filter(
        recipient=case.world.center_admin, kind="complaint.lodged"
    ).exists()


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"track": "other"}, "投诉类型"),
        ({"subject_kind": "nobody"}, "投诉对象"),
        ({"guide_id": 10**30}, "专职指导员"),
        ({"text": " "}, "投诉内容"),
        ({"text": "长" * 5001}, "投诉内容"),
        ({"happened_on": "2099-01-01"}, "不能晚于今天"),
        ({"happened_on": "yesterday"}, "格式不正确"),
        ({"phone": "abc"}, "联系电话"),
        ({"email": "not-an-email"}, "电子邮箱"),
        ({"project_id": 999999}, "项目"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_is_saved(case, kw, message):
    with pytest.raises(DomainError, match=message):
        lodge_business(case, **kw)
    assert not Complaint.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_saved(case):
    fake = SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError, match="文件类型"):
        lodge_integrity(case, files=[fake])
    assert not Complaint.objects.exists() and not Evidence.objects.exists()


def test_the_enterprise_may_name_its_own_project_only(case):
    c = lodge_business(case, project_id=case.project.pk).complaint
    assert c.project == case.project
    with pytest.raises(DomainError, match="不属于您的单位"):
        lodge_business(case, actor=case.world.other_applicant, project_id=case.project.pk)
