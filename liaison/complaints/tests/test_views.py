"""The staff pages: the business list (query bound, export of what is filtered, the 待办 entries lead to
it), the pages' actions answer refusals with 400 and the message, reminders through the engine."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.complaints.models import Complaint
from liaison.complaints.services import business as svc
from liaison.complaints.services.reminders import complaint_reminders_run
from liaison.complaints.tests.support import lodge_business, lodge_integrity
from liaison.directory.todos import todos_for
from liaison.notifications.models import Notification
from liaison.testing.xlsx import sheet_rows

pytestmark = pytest.mark.django_db


def test_the_list_is_bounded_in_queries_and_exports_what_is_filtered(
    client, case, django_assert_max_num_queries
):
    for _i in range(6):
        lodge_business(case)
    first = Complaint.objects.order_by("pk").first()
    svc.complaint_register(
        actor=case.world.center_admin, complaint_id=first.pk, investigator_id=case.world.center_admin.pk
    )
    client.force_login(case.world.center_admin)
    client.get("/complaints/")
    with django_assert_max_num_queries(25):
        page = client.get("/complaints/")
    assert page.content.decode().count('data-testid="complaint-row"') == 6
    rows = sheet_rows(client.get("/complaints/?state=investigating&export=xlsx"))
    assert [r[0] for r in rows] == [first.number]


def test_the_integrity_list_is_bounded_and_its_export_has_no_content(
    client, case, django_assert_max_num_queries
):
    for _i in range(5):
        lodge_integrity(case)
    client.force_login(case.world.supervisor)
    client.get("/complaints/integrity/")
    with django_assert_max_num_queries(25):
        page = client.get("/complaints/integrity/")
    assert page.content.decode().count('data-testid="complaint-row"') == 5
    rows = sheet_rows(client.get("/complaints/integrity/?export=xlsx"))
    assert len(rows) == 5 and not any("好处费" in str(v) for r in rows for v in r)


def test_a_refused_action_answers_400_with_the_message(client, case):
    c = lodge_business(case).complaint
    client.force_login(case.world.center_admin)
    refused = client.post(
        f"/complaints/{c.pk}/", {"action": "register", "investigator": "99999999999999999999999"}
    )
    assert refused.status_code == 400 and "请指定调查人" in refused.content.decode()
    assert client.post(f"/complaints/{c.pk}/", {"action": "nonsense"}).status_code == 404
    done = client.post(
        f"/complaints/{c.pk}/", {"action": "register", "investigator": case.world.center_admin.pk}
    )
    assert done.status_code == 302


def test_the_todos_count_what_the_lists_show(client, case):
    w = case.world
    c = lodge_business(case).complaint
    lodge_integrity(case)
    keys = {t.key: t for t in todos_for(w.center_admin)}
    assert keys["complaints.register"].count == 1
    assert {t.key for t in todos_for(w.supervisor)} >= {"complaints.integrity_register"}
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    svc.cooperation_request(
        actor=w.center_admin, complaint_id=c.pk, department_id=w.guide.department_id, request="请核实"
    )
    entry = {t.key: t for t in todos_for(w.department_admin)}["complaints.cooperation"]
    client.force_login(w.department_admin)
    assert client.get(entry.url).content.decode().count('data-testid="complaint-row"') == entry.count == 1
    svc.complaint_reply(
        actor=w.center_admin, complaint_id=c.pk, finding="partly", measures="整改", reply="已答复"
    )
    entry = {t.key: t for t in todos_for(w.applicant)}["complaints.rate"]
    client.force_login(w.applicant)
    assert client.get(entry.url).content.decode().count('data-testid="complaint-row"') == entry.count == 1


def test_an_integrity_complaint_unregistered_for_five_working_days_is_reminded_once(case):
    c = lodge_integrity(case).complaint
    later = c.registration_due + dt.timedelta(days=1)
    sent = complaint_reminders_run(today=later)
    assert sent["complaints.registration"] >= 1
    assert Notification.objects.filter(
        recipient=case.world.supervisor, kind__startswith="complaint.registration"
    ).exists()
    assert complaint_reminders_run(today=later)["complaints.registration"] == 0
    assert not Notification.objects.filter(
        recipient=case.world.center_admin, kind__startswith="complaint.registration"
    ).exists()
    assert timezone.localdate() <= c.registration_due


def test_the_centre_sets_the_periods_and_new_complaints_use_them(client, case):
    client.force_login(case.world.center_admin)
    refused = client.post("/complaints/settings/", {"reply_days": "0"})
    assert refused.status_code == 400 and "1 至 60" in refused.content.decode()
    assert (
        client.post("/complaints/settings/", {"reply_days": "10", "registration_days": "3"}).status_code
        == 302
    )
    api = client.put("/api/v1/complaints/settings", {"task_days": 4}, content_type="application/json")
    assert api.json()["task_days"] == 4 and api.json()["reply_days"] == 10
    assert (
        client.put(
            "/api/v1/complaints/settings", {"task_days": 10**12}, content_type="application/json"
        ).status_code
        == 422
    )
    client.force_login(case.world.guide)
    assert client.get("/complaints/settings/").status_code == 404
    assert (
        client.put(
            "/api/v1/complaints/settings", {"task_days": 4}, content_type="application/json"
        ).status_code
        == 404
    )
