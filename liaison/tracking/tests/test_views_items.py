"""Pages of the project's tracking, one item, its steps, materials and the 待办 list, per role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.tracking.models import MaterialFile, ProjectItem, ReminderLog
from liaison.tracking.services.project_items import project_item_prepare
from liaison.tracking.tests.builders import PDF, draft, item_of, pdf
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


@pytest.fixture
def planned(track):
    draft(track.world, track.project, START)
    return track


def _post(client, user, url, data, **kw):
    client.force_login(user)
    return client.post(url, data, follow=True, **kw)


def test_the_officer_sees_items_by_stage_with_lights_and_their_actions(client, planned):
    client.force_login(planned.world.officer_user)
    response = client.get(reverse("tracking:project", args=[planned.project.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="item-row-A"' in html and 'data-testid="item-row-E"' in html
    assert "light light-red" in html  # the plan started in the past
    assert 'value="prepare"' in html


def test_the_enterprise_sees_its_timeline_and_no_step_buttons(client, planned):
    client.force_login(planned.world.applicant)
    response = client.get(reverse("tracking:project", args=[planned.project.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="timeline"' in html and "联络官起草了服务方案" in html
    assert 'value="prepare"' not in html


def test_a_guide_sees_only_their_items_and_no_timeline(client, planned, second_guide):
    client.force_login(second_guide)
    html = client.get(reverse("tracking:project", args=[planned.project.pk])).content.decode()
    assert 'data-testid="item-row-E"' in html and 'data-testid="item-row-A"' not in html
    assert 'data-testid="timeline"' not in html


@pytest.mark.parametrize("who", ["other_applicant", "department_admin"])
def test_the_project_page_is_not_found_for_outsiders(client, planned, who):
    client.force_login(planned.world.persona(who))
    assert client.get(reverse("tracking:project", args=[planned.project.pk])).status_code == 404
    item = item_of(planned.project, "A")
    assert client.get(reverse("tracking:item", args=[item.pk])).status_code == 404


def test_the_officer_starts_preparing_and_the_step_is_recorded(client, planned):
    item = item_of(planned.project, "A")
    url = reverse("tracking:item_transition", args=[item.pk])
    response = _post(client, planned.world.officer_user, url, {"name": "prepare", "comment": "与企业对接"})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.state == "preparing"
    assert item.transitions.get().comment == "与企业对接"


def test_a_step_the_role_may_not_take_shows_a_message_and_changes_nothing(client, planned):
    item = item_of(planned.project, "A")
    url = reverse("tracking:item_transition", args=[item.pk])
    response = _post(client, planned.world.applicant, url, {"name": "prepare"})
    assert response.status_code == 200 and _messages(response)
    item.refresh_from_db()
    assert item.state == "planned" and not item.transitions.exists()


def test_an_outsider_posting_a_step_gets_404(client, planned):
    item = item_of(planned.project, "A")
    client.force_login(planned.world.other_applicant)
    url = reverse("tracking:item_transition", args=[item.pk])
    assert client.post(url, {"name": "prepare"}).status_code == 404


def test_a_supplement_without_missing_items_is_refused_and_nothing_is_saved(client, planned):
    item = planned.driver.to(item_of(planned.project, "A"), "accepted")
    url = reverse("tracking:item_transition", args=[item.pk])
    response = _post(client, planned.world.guide, url, {"name": "request_supplement", "missing": "  "})
    assert "请逐项列明需要补正的内容" in _messages(response)
    item.refresh_from_db()
    assert item.state == "accepted"
    response = _post(
        client, planned.world.guide, url, {"name": "request_supplement", "missing": "缺图纸\n缺签章"}
    )
    item.refresh_from_db()
    assert item.state == "supplement_requested"
    assert "1. 缺图纸" in item.transitions.order_by("-id").first().comment


def test_a_reject_without_a_reason_is_refused(client, planned):
    item = planned.driver.to(item_of(planned.project, "A"), "accepted")
    url = reverse("tracking:item_transition", args=[item.pk])
    response = _post(client, planned.world.guide, url, {"name": "reject", "comment": ""})
    assert "请填写说明或理由" in _messages(response)
    item.refresh_from_db()
    assert item.state == "accepted"


def test_the_item_page_lists_materials_history_and_upload_for_the_enterprise(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    client.force_login(planned.world.applicant)
    html = client.get(reverse("tracking:item", args=[item.pk])).content.decode()
    assert "A申请表" in html and 'data-testid="upload-1"' in html
    assert 'data-testid="urge"' not in html


def test_the_enterprise_uploads_a_version_and_downloads_it(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    m = item.materials.get(seq=1)
    response = _post(
        client,
        planned.world.applicant,
        reverse("tracking:material_upload", args=[m.pk]),
        {"file": pdf("表.pdf")},
    )
    assert "材料已上传" in _messages(response)
    record = MaterialFile.objects.get(submission=m)
    download = client.get(reverse("tracking:material_file_download", args=[record.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(planned.world.other_applicant)
    assert client.get(reverse("tracking:material_file_download", args=[record.pk])).status_code == 404


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_saved(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    m = item.materials.get(seq=1)
    bad = pdf("x.pdf", b"MZ\x90\x00 not a pdf at all")
    response = _post(
        client, planned.world.applicant, reverse("tracking:material_upload", args=[m.pk]), {"file": bad}
    )
    assert _messages(response)
    assert not MaterialFile.objects.exists()
    response = _post(client, planned.world.applicant, reverse("tracking:material_upload", args=[m.pk]), {})
    assert "请选择要上传的文件" in _messages(response)


def test_the_guide_accepts_a_material_or_asks_for_a_revision_with_a_reason(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    m1, m2 = item.materials.get(seq=1), item.materials.get(seq=2)
    for m in (m1, m2):
        _post(
            client, planned.world.applicant, reverse("tracking:material_upload", args=[m.pk]), {"file": pdf()}
        )
    _post(client, planned.world.guide, reverse("tracking:material_accept", args=[m1.pk]), {})
    response = _post(
        client, planned.world.guide, reverse("tracking:material_revision", args=[m2.pk]), {"reason": ""}
    )
    assert "请填写修改意见" in _messages(response)
    m2.refresh_from_db()
    assert m2.status == "provided"
    _post(
        client,
        planned.world.guide,
        reverse("tracking:material_revision", args=[m2.pk]),
        {"reason": "盖章不清"},
    )
    m1.refresh_from_db()
    m2.refresh_from_db()
    assert (m1.status, m2.status, m2.revision_reason) == ("accepted", "needs_revision", "盖章不清")


def test_the_enterprise_may_not_review_materials(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    m = item.materials.get(seq=1)
    _post(client, planned.world.applicant, reverse("tracking:material_upload", args=[m.pk]), {"file": pdf()})
    response = _post(client, planned.world.applicant, reverse("tracking:material_accept", args=[m.pk]), {})
    assert _messages(response)
    m.refresh_from_db()
    assert m.status == "provided"


def test_the_centre_urges_an_item_and_the_officer_may_not(client, planned):
    item = item_of(planned.project, "A")
    url = reverse("tracking:item_urge", args=[item.pk])
    client.force_login(planned.world.center_admin)
    assert 'data-testid="urge"' in client.get(reverse("tracking:item", args=[item.pk])).content.decode()
    _post(client, planned.world.center_admin, url, {"comment": "请加快"})
    assert ReminderLog.objects.filter(project_item=item).count() == 1
    response = _post(client, planned.world.officer_user, url, {"comment": "x"})
    assert _messages(response)
    assert ReminderLog.objects.filter(project_item=item).count() == 1


def test_the_todo_lists_what_waits_for_the_officer_and_for_the_guide(client, planned):
    planned.driver.to(item_of(planned.project, "A"), "submitted")
    client.force_login(planned.world.officer_user)
    html = client.get(reverse("tracking:todo")).content.decode()
    assert "事项B" in html and "事项A" not in html
    client.force_login(planned.world.guide)
    html = client.get(reverse("tracking:todo")).content.decode()
    assert "事项A" in html and "事项B" not in html


def test_the_todo_is_empty_for_the_enterprise(client, planned):
    client.force_login(planned.world.applicant)
    assert "暂无待办事项" in client.get(reverse("tracking:todo")).content.decode()


def test_pages_need_a_login(client, planned):
    response = client.get(reverse("tracking:todo"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_project_page_and_todo_queries_do_not_grow_with_items(client, planned, django_assert_max_num_queries):
    client.force_login(planned.world.officer_user)
    url = reverse("tracking:project", args=[planned.project.pk])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    with django_assert_max_num_queries(40) as todo_few:
        client.get(reverse("tracking:todo"))
    for item in ProjectItem.objects.filter(project=planned.project)[:3]:
        planned.driver.to(item, "preparing")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    with django_assert_max_num_queries(len(todo_few.captured_queries)):
        client.get(reverse("tracking:todo"))


def test_the_centre_sees_the_overview_and_officers_do_not(client, planned, django_assert_max_num_queries):
    client.force_login(planned.world.center_admin)
    with django_assert_max_num_queries(23):  # the sidebar's 待办 (every kind counted in one statement)
        response = client.get(reverse("tracking:overview"))
    html = response.content.decode()
    assert (
        response.status_code == 200 and 'id="overview-data"' in html and 'data-testid="officer-load"' in html
    )
    assert response.context["overview"].items.counts["red"] >= 1
    client.force_login(planned.world.officer_user)
    assert client.get(reverse("tracking:overview")).status_code == 404


def test_the_project_page_reads_the_calendar_and_the_settings_once(client, planned):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(planned.world.officer_user)
    with CaptureQueriesContext(connection) as page:
        assert client.get(reverse("tracking:project", args=[planned.project.pk])).status_code == 200
    sql = [q["sql"] for q in page.captured_queries]
    # every light, counter and form of the page shares one read of each (the request's memo)
    assert sum('FROM "workcal_calendaroverride"' in s for s in sql) == 1
    assert sum('FROM "workcal_calendaryear"' in s for s in sql) == 1
    scope = 'SELECT "intake_assignment"."project_id" AS "project_id" FROM "intake_assignment"'
    assert sum(s.startswith(scope) for s in sql) == 1  # the officer's projects (actor_scope)
