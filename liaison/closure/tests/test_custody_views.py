"""The custody register's pages and endpoints: the project's officer writes, the centre, the supervisor and
the enterprise read, everyone else finds nothing; bad input is answered in Chinese and saves nothing; the
list costs a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.closure.models import CustodyEntry, CustodyMovement
from liaison.closure.services.custody import custody_entry_add, custody_fields_clean
from liaison.tracking.tests.builders import pdf

pytestmark = pytest.mark.django_db
READERS = ["center_admin", "center_leader", "supervisor", "applicant"]
OUTSIDERS = ["guide", "project_office", "department_admin", "other_applicant"]


def _entry(case, name="国有土地使用证"):
    fields = custody_fields_clean({"kind": "original", "name": name})
    return custody_entry_add(actor=case.world.officer_user, project=case.project, fields=fields, scan=pdf())


def _user(case, persona):
    return case.other_officer.user if persona == "other_officer" else case.world.persona(persona)


def test_the_officer_registers_a_document_and_lends_it_on_the_pages(client, case):
    client.force_login(case.world.officer_user)
    url = reverse("closure:custody", args=[case.project.pk])
    assert 'data-testid="custody-add"' in client.get(url).content.decode()
    added = client.post(
        url,
        {
            "kind": "original",
            "name": "国有土地使用证",
            "copies": "2",
            "location": "档案柜 A-1",
            "scan": pdf(),
        },
    )
    assert added.status_code == 302
    entry = CustodyEntry.objects.get()
    assert (entry.copies, entry.location, bool(entry.scan)) == (2, "档案柜 A-1", True)
    page = reverse("closure:custody_entry", args=[entry.pk])
    assert 'data-testid="move-lend"' in client.get(page).content.decode()
    lent = client.post(page, {"name": "lend", "counterpart": "五华区自然资源局"})
    assert lent.status_code == 302
    entry.refresh_from_db()
    assert entry.state == "lent"
    scan = client.get(reverse("closure:custody_scan", args=[entry.pk]))
    assert scan.status_code == 200 and b"".join(scan.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "original", "name": ""}, "请填写资料名称"),
        ({"kind": "result", "name": "许可证"}, "请选择资料类别"),
        ({"kind": "copy", "name": "执照", "copies": "0"}, "份数"),
        ({"kind": "copy", "name": "执照", "received_on": "2999-01-01"}, "不能晚于今天"),
        ({"kind": "copy", "name": "执照", "received_on": "昨天"}, "有效的日期"),
    ],
)
def test_bad_input_on_the_register_is_answered_and_saves_nothing(client, case, data, message):
    client.force_login(case.world.officer_user)
    response = client.post(reverse("closure:custody", args=[case.project.pk]), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not CustodyEntry.objects.exists()


def test_a_refused_movement_on_the_page_is_answered_and_saves_nothing(client, case):
    entry = _entry(case)
    client.force_login(case.world.officer_user)
    page = reverse("closure:custody_entry", args=[entry.pk])
    for data, message in (
        ({"name": "lend"}, "借用部门"),
        ({"name": "give_back"}, "不能执行"),
        ({"name": "burn"}, "未知的流转操作"),
        ({"name": "relocate", "holder": str(case.world.applicant.pk)}, "保管人须为本项目的联络官"),
        ({"action": "scan"}, "请选择要上传的文件"),
    ):
        response = client.post(page, data)
        assert response.status_code == 400 and message in response.content.decode(), data
    assert CustodyMovement.objects.count() == 1


@pytest.mark.parametrize("persona", READERS)
def test_readers_see_the_register_and_may_not_write_it(client, case, persona):
    entry = _entry(case)
    client.force_login(case.world.persona(persona))
    register = client.get(reverse("closure:custody", args=[case.project.pk])).content.decode()
    assert "国有土地使用证" in register and 'data-testid="custody-add"' not in register
    page = reverse("closure:custody_entry", args=[entry.pk])
    assert 'data-testid="move-lend"' not in client.get(page).content.decode()
    assert client.get(reverse("closure:custody_scan", args=[entry.pk])).status_code == 200
    assert client.post(page, {"name": "lend", "counterpart": "住建局"}).status_code == 400
    posted = client.post(reverse("closure:custody", args=[case.project.pk]), {"kind": "copy", "name": "x"})
    assert posted.status_code == 400
    api = client.post(
        f"/api/v1/closure/custody/{entry.pk}/movements",
        {"name": "lend", "counterpart": "住建局"},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert client.get(f"/api/v1/closure/custody/{entry.pk}").status_code == 200
    assert CustodyEntry.objects.get().state == "held" and CustodyEntry.objects.count() == 1


@pytest.mark.parametrize("persona", [*OUTSIDERS, "other_officer"])
def test_outsiders_find_no_register_no_entry_and_no_scan(client, case, persona):
    entry = _entry(case)
    client.force_login(_user(case, persona))
    for url in (
        reverse("closure:custody", args=[case.project.pk]),
        reverse("closure:custody_entry", args=[entry.pk]),
        reverse("closure:custody_scan", args=[entry.pk]),
        f"/api/v1/closure/projects/{case.project.pk}/custody",
        f"/api/v1/closure/custody/{entry.pk}",
        f"/api/v1/closure/custody/{entry.pk}/scan",
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("closure:custody_entry", args=[entry.pk]), {"name": "lend", "counterpart": "x"}
        ).status_code
        == 404
    )
    api = client.post(
        f"/api/v1/closure/projects/{case.project.pk}/custody",
        {"kind": "copy", "name": "x"},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert CustodyEntry.objects.count() == 1 and CustodyMovement.objects.count() == 1


def test_the_register_page_costs_the_same_for_many_entries(client, case, django_assert_max_num_queries):
    for n in range(12):
        _entry(case, f"资料{n}")
    client.force_login(case.world.center_admin)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("closure:custody", args=[case.project.pk]))
    assert page.content.decode().count('data-testid="custody-entry"') == 12
    with django_assert_max_num_queries(15):
        client.get(f"/api/v1/closure/projects/{case.project.pk}/custody")


def test_the_register_through_the_api(client, case):
    client.force_login(case.world.officer_user)
    base = f"/api/v1/closure/projects/{case.project.pk}/custody"
    made = client.post(
        base, {"kind": "copy", "name": "营业执照", "copies": 3}, content_type="application/json"
    )
    assert made.status_code == 200 and made.json()["movements"][0]["name"] == "receive"
    entry_id = made.json()["id"]
    huge = client.post(base, {"kind": "copy", "name": "x", "copies": 2**40}, content_type="application/json")
    assert huge.status_code == 422
    bad = client.post(base, {"kind": "copy", "name": "x", "copies": 1000}, content_type="application/json")
    assert bad.status_code == 400 and "份数" in bad.json()["detail"]
    lent = client.post(
        f"/api/v1/closure/custody/{entry_id}/movements",
        {"name": "lend", "counterpart": "五华区市场监管局"},
        content_type="application/json",
    )
    assert lent.status_code == 200 and lent.json()["state"] == "lent"
    wrong_holder = client.post(
        f"/api/v1/closure/custody/{entry_id}/movements",
        {"name": "give_back", "holder_id": case.world.applicant.pk},
        content_type="application/json",
    )
    assert wrong_holder.status_code == 400
    scan = client.post(f"/api/v1/closure/custody/{entry_id}/scan", {"scan": pdf()})
    assert scan.status_code == 200 and scan.json()["has_scan"] is True
    download = client.get(f"/api/v1/closure/custody/{entry_id}/scan")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]
    assert client.get(f"/api/v1/closure/custody/{2**62}").status_code == 404
    assert client.get(f"/api/v1/closure/custody/{2**64}").status_code == 422
    assert [e["state"] for e in client.get(base).json()] == ["lent"]


def test_a_scan_whose_file_is_gone_is_not_found_rather_than_an_error(client, case):
    entry = _entry(case)
    entry.scan.storage.delete(entry.scan.name)
    client.force_login(case.world.officer_user)
    assert client.get(reverse("closure:custody_scan", args=[entry.pk])).status_code == 404
    gone = client.get(f"/api/v1/closure/custody/{entry.pk}/scan")
    assert gone.status_code == 404 and gone.json()["detail"] == "文件不存在。"
