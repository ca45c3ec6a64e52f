"""Enquiries: the public form (CAPTCHA, rate limit, a reply channel), the centre's answer within the
deadline (lights, reminders, 待办), the answer mailed or read by query code, the FAQ without the asker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.lights import Light, light_context
from liaison.directory.todos import todos_for
from liaison.notifications.models import Notification
from liaison.publicity.deadline_kinds import ENQUIRY
from liaison.publicity.models import Enquiry, EnquiryState, Faq
from liaison.publicity.selectors.enquiries import enquiry_light, enquiry_list, enquiry_status
from liaison.publicity.services.enquiries import enquiry_answer, enquiry_close
from liaison.publicity.services.faqs import faq_publish, faq_step
from liaison.publicity.services.reminders import enquiry_reminders_run
from liaison.publicity.services.settings import publicity_settings_update
from liaison.publicity.tests.support import ASKER, enquiry

pytestmark = pytest.mark.django_db

FORM = {
    "name": "王先生",
    "phone": "0871-63312345",
    "email": "",
    "topic": "scope",
    "question": "外资项目可以申请联络官服务吗？",
    "captcha_0": "anything",
    "captcha_1": "PASSED",
}


def test_anyone_sends_an_enquiry_and_gets_a_query_code(client, center_admin):
    response = client.post("/publicity/enquiries/new/", FORM)
    assert response.status_code == 302
    e = Enquiry.objects.get()
    assert e.state == EnquiryState.OPEN and e.due_on and len(e.code) == 10
    assert response["Location"].endswith(f"?code={e.code}&new=1")
    page = client.get(response["Location"]).content.decode()
    assert e.code in page and "外资项目可以申请联络官服务吗" in page
    assert "王先生" not in page and "63312345" not in page
    assert Notification.objects.filter(recipient=center_admin, kind="enquiry.submitted").exists()


def test_the_captcha_is_required(client):
    wrong = client.post("/publicity/enquiries/new/", FORM | {"captcha_1": "WRONG"})
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    missing = client.post(
        "/publicity/enquiries/new/", {k: v for k, v in FORM.items() if not k.startswith("captcha")}
    )
    assert missing.status_code == 400 and "请输入验证码" in missing.content.decode()
    assert not Enquiry.objects.exists()


def test_too_many_enquiries_from_one_address_are_refused(client, settings):
    settings.PUBLIC_SUBMISSIONS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/publicity/enquiries/new/", FORM).status_code == 302
    refused = client.post("/publicity/enquiries/new/", FORM)
    assert refused.status_code == 400 and "提交过于频繁" in refused.content.decode()
    assert Enquiry.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone": "", "email": ""}, "至少填写电话或电子邮箱"),
        ({"phone": "12345"}, "电话号码格式不正确"),
        ({"phone": "", "email": "not-an-email"}, "电子邮箱格式不正确"),
        ({"name": ""}, "请填写称呼"),
        ({"topic": "gossip"}, "请选择咨询类别"),
        ({"question": ""}, "请填写咨询内容"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_an_error_summary(client, fields, message):
    response = client.post("/publicity/enquiries/new/", FORM | fields)
    text = response.content.decode()
    assert response.status_code == 400 and message in text and 'data-testid="error-summary"' in text
    assert not Enquiry.objects.exists()


def test_the_service_checks_the_reply_channel_too():
    with pytest.raises(DomainError, match="至少填写"):
        enquiry(phone="", email="")
    with pytest.raises(DomainError, match="电子邮箱格式"):
        enquiry(phone="", email="a@")


def test_the_answer_is_mailed_and_shown_by_code(center_admin, mailoutbox, django_capture_on_commit_callbacks):
    e = enquiry()
    with django_capture_on_commit_callbacks(execute=True):
        enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="需要提交委托申请表和项目基本情况。")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [ASKER["email"]] and e.code in mail.subject and "委托申请表" in mail.body
    status = enquiry_status(e.code.lower())
    assert status.state == EnquiryState.ANSWERED and "委托申请表" in status.answer
    assert not hasattr(status, "name") and not hasattr(status, "phone")


def test_no_mail_without_an_address(center_admin, mailoutbox, django_capture_on_commit_callbacks):
    e = enquiry(email="")
    with django_capture_on_commit_callbacks(execute=True):
        enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="答复")
    assert mailoutbox == []


def test_an_unknown_code_is_not_found(client):
    with pytest.raises(NotFound):
        enquiry_status("ZZZZZZZZZZ")
    response = client.get("/publicity/enquiries/status/", {"code": "ZZZZZZZZZZ"})
    assert response.status_code == 404 and "没有找到" in response.content.decode()


def test_answering_twice_or_by_another_role_is_refused(center_admin, center_leader, officer_user):
    e = enquiry()
    with pytest.raises(NotFound):
        enquiry_answer(actor=officer_user, enquiry_id=e.pk, answer="x")
    with pytest.raises(PermissionDenied):
        enquiry_answer(actor=center_leader, enquiry_id=e.pk, answer="x")
    enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="答复")
    with pytest.raises(DomainError, match="不能执行"):
        enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="再次")
    with pytest.raises(DomainError, match="不能执行"):
        enquiry_close(actor=center_admin, enquiry_id=e.pk, reason="重复")


def test_an_answered_enquiry_becomes_a_faq_without_the_askers_identity(client, center_admin):
    e = enquiry(question="我是李女士，电话13912345678，委托需要什么材料？")
    with pytest.raises(DomainError, match="已答复"):
        faq_publish(actor=center_admin, enquiry_id=e.pk, topic="entrust", question="q", answer="a")
    enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="提交委托申请表。")
    faq = faq_publish(
        actor=center_admin,
        enquiry_id=e.pk,
        topic="entrust",
        question="委托需要什么材料？",
        answer="提交委托申请表。",
    )
    with pytest.raises(DomainError, match="已发布"):
        faq_publish(actor=center_admin, enquiry_id=e.pk, topic="entrust", question="q", answer="a")
    pages = [
        client.get("/publicity/faq/").content.decode(),
        client.get("/publicity/faq/", {"q": "委托"}).content.decode(),
        client.get("/publicity/faq/", {"topic": "entrust"}).content.decode(),
        str(client.get("/api/v1/publicity/faqs").json()),
    ]
    assert (
        "委托需要什么材料？" in pages[0] and "提交委托申请表" in pages[1] and "委托需要什么材料" in pages[2]
    )
    for page in pages:
        assert "李女士" not in page and "13912345678" not in page and ASKER["email"] not in page
    # The status page is the asker's own (the code is theirs): it shows their question, never the
    # name or the contacts they gave.
    other = enquiry(name="赵先生", phone="13800001111", email="zhao@example.com")
    status = client.get("/publicity/enquiries/status/", {"code": other.code}).content.decode()
    assert other.code in status
    assert "赵先生" not in status and "13800001111" not in status and "zhao@example.com" not in status
    faq_step(actor=center_admin, faq_id=faq.pk, name="withdraw")
    assert "委托需要什么材料？" not in client.get("/publicity/faq/").content.decode()
    faq_step(actor=center_admin, faq_id=faq.pk, name="republish")
    assert Faq.objects.get().state == "published"


def test_the_faq_search_finds_by_keyword(client, center_admin):
    for question, answer in (("外资项目能否委托？", "可以。"), ("服务收费吗？", "联络官服务免费。")):
        e = enquiry(question=question)
        enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer=answer)
        faq_publish(actor=center_admin, enquiry_id=e.pk, topic="scope", question=question, answer=answer)
    page = client.get("/publicity/faq/", {"q": "收费"}).content.decode()
    assert "服务收费吗？" in page and "外资项目能否委托？" not in page


def test_the_deadline_follows_the_centres_setting(center_admin):
    publicity_settings_update(actor=center_admin, answer_days=10)
    e = enquiry()
    from liaison.deadlines.calendar_policy import deadline_after

    assert e.due_on == deadline_after(timezone.localdate(), 10).due_on
    with pytest.raises(DomainError, match="1 至 30"):
        publicity_settings_update(actor=center_admin, answer_days=31)


def test_only_the_centre_admin_changes_the_setting(center_leader):
    with pytest.raises(PermissionDenied):
        publicity_settings_update(actor=center_leader, answer_days=3)


def test_lights_turn_yellow_then_red_and_none_once_answered(center_admin):
    e = enquiry()
    ctx = light_context(ENQUIRY.code)
    assert enquiry_light(e, ctx) == Light.GREEN
    Enquiry.objects.filter(pk=e.pk).update(due_on=timezone.localdate())
    e.refresh_from_db()
    assert enquiry_light(e, ctx) == Light.YELLOW
    Enquiry.objects.filter(pk=e.pk).update(due_on=timezone.localdate() - dt.timedelta(days=3))
    rows = enquiry_list(center_admin, state="open")
    assert [r.light for r in rows] == [Light.RED]
    enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="答复")
    e.refresh_from_db()
    assert enquiry_light(e, ctx) == Light.NONE


def test_reminders_go_to_the_centre_once(center_admin):
    e = enquiry()
    Enquiry.objects.filter(pk=e.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    assert enquiry_reminders_run() == 1
    assert enquiry_reminders_run() == 0
    assert (
        Notification.objects.filter(recipient=center_admin, kind__startswith="enquiry.reminder").count() == 1
    )


def test_the_todo_counts_open_enquiries_and_opens_their_list(client, center_admin, officer_user):
    enquiry()
    answered = enquiry()
    enquiry_answer(actor=center_admin, enquiry_id=answered.pk, answer="答复")
    entries = {t.key: t for t in todos_for(center_admin)}
    assert entries["publicity.enquiries"].count == 1
    assert "publicity.enquiries" not in {t.key for t in todos_for(officer_user)}
    client.force_login(center_admin)
    page = client.get("/publicity/manage/enquiries/?state=open").content.decode()
    assert page.count('data-testid="enquiry-row"') == 1


def test_the_staff_pages_answer_and_publish(client, center_admin, mailoutbox):
    e = enquiry()
    client.force_login(center_admin)
    detail = client.get(f"/publicity/manage/enquiries/{e.pk}/").content.decode()
    assert "李女士" in detail and "13912345678" in detail
    empty = client.post(f"/publicity/manage/enquiries/{e.pk}/answer/", {"answer": ""})
    assert empty.status_code == 400
    done = client.post(f"/publicity/manage/enquiries/{e.pk}/answer/", {"answer": "可以委托。"})
    assert done.status_code == 302
    faq = client.post(
        f"/publicity/manage/enquiries/{e.pk}/faq/",
        {"topic": "entrust", "question": "可以委托吗？", "answer": "可以。"},
    )
    assert faq.status_code == 302 and Faq.objects.filter(question="可以委托吗？").exists()
    assert client.post(f"/publicity/manage/enquiries/{e.pk}/explode/").status_code == 404


def test_the_leader_reads_the_enquiry_with_the_phone(client, center_leader):
    e = enquiry()
    client.force_login(center_leader)
    page = client.get(f"/publicity/manage/enquiries/{e.pk}/").content.decode()
    assert "13912345678" in page and 'data-testid="answer-form"' not in page
