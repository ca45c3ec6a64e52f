"""The pages in a fixed number of queries (however many rows), the lists' Excel exports of exactly what is
filtered, opening an inspection from the lists, bad input answered in Chinese, and the demo."""

from __future__ import annotations

import pytest

from liaison.supervision.demo import build_supervision_demo
from liaison.supervision.models import Inspection, InspectionState, SubjectType
from liaison.supervision.tests.support import open_inspection
from liaison.testing.xlsx import sheet_rows

pytestmark = pytest.mark.django_db


def _many(case, n):
    for kind in (SubjectType.OFFICER, SubjectType.PROJECT, SubjectType.GUIDE, SubjectType.DEPARTMENT) * n:
        open_inspection(case, kind, require=True)


@pytest.mark.parametrize(
    "url",
    [
        "/supervision/",
        "/supervision/?period=quarter",
        "/supervision/inspections/",
        "/supervision/inspections/?light=red",
        "/supervision/bad-reviews/",
        "/supervision/inspections/new/",
    ],
)
def test_the_desk_and_lists_take_a_fixed_number_of_queries(client, case, django_assert_max_num_queries, url):
    client.force_login(case.world.supervisor)
    _many(case, 1)
    client.get(url)  # warm the per-process caches (settings rows, calendar)
    with django_assert_max_num_queries(
        70 if url.startswith("/supervision/?") or url == "/supervision/" else 30
    ) as few:
        assert client.get(url).status_code == 200
    _many(case, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_partys_list_takes_a_fixed_number_of_queries(client, case, django_assert_max_num_queries):
    client.force_login(case.world.officer_user)
    _many(case, 1)
    client.get("/supervision/inspections/")
    with django_assert_max_num_queries(40) as few:
        client.get("/supervision/inspections/")
    _many(case, 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/supervision/inspections/").status_code == 200


def test_the_inspection_list_exports_exactly_what_is_filtered(client, case):
    w = case.world
    rectifying = open_inspection(case, require=True)
    open_inspection(case, SubjectType.DEPARTMENT)
    client.force_login(w.supervisor)
    rows = sheet_rows(client.get("/supervision/inspections/?state=rectifying&export=xlsx"))
    assert len(rows) == 1 and rows[0][0] == rectifying.title and rows[0][3] == "整改中"
    everything = sheet_rows(client.get("/supervision/inspections/?export=xlsx"))
    assert len(everything) == 2


def test_a_supervisor_opens_an_inspection_from_the_lists_and_bad_input_is_told(client, case):
    w = case.world
    client.force_login(w.supervisor)
    bad = client.post(
        "/supervision/inspections/new/", {"subject_type": "guide", "title": "抽查", "findings": "x"}
    )
    assert bad.status_code == 400 and "请从列表中选择检查对象" in bad.content.decode()
    assert not Inspection.objects.exists()
    good = client.post(
        "/supervision/inspections/new/",
        {"subject_type": "guide", "subject_guide": w.guide.pk, "title": "履职检查", "findings": "记录不全"},
    )
    inspection = Inspection.objects.get()
    assert good.status_code == 302 and good["Location"] == f"/supervision/inspections/{inspection.pk}/"
    assert inspection.department_id == w.guide.department_id
    refused = client.post(
        f"/supervision/inspections/{inspection.pk}/",
        {"action": "require", "asked": "整改", "rectify_days": "0"},
    )
    assert refused.status_code == 400 and "1 至 60 个工作日" in refused.content.decode()
    assert client.post(f"/supervision/inspections/{inspection.pk}/", {"action": "nope"}).status_code == 404


def test_the_api_answers_bad_input_with_400_and_saves_nothing(client, case):
    w = case.world
    client.force_login(w.supervisor)
    i = open_inspection(case)
    for body in (
        {"asked": "整改", "rectify_days": 0},
        {"asked": "整改", "rectify_days": 99999999999999999999},
    ):
        response = client.post(
            f"/api/v1/supervision/inspections/{i.pk}/rectification", body, content_type="application/json"
        )
        assert response.status_code in (400, 422), response.content
    assert Inspection.objects.get(pk=i.pk).state == InspectionState.OPEN
    missing = client.get("/api/v1/supervision/inspections/99999999999999999999")
    assert missing.status_code in (400, 404, 422)


def test_the_drill_down_of_a_person_is_in_the_personal_data_log(client, case):
    from liaison.audit.models import PersonalDataView

    w = case.world
    client.force_login(w.supervisor)
    assert client.get(f"/supervision/subjects/officer/{w.officer.pk}/").status_code == 200
    view = PersonalDataView.objects.filter(user=w.supervisor).latest("pk")
    assert f"person:supervision:officer:{w.officer.pk}" in str(view.subjects)


def test_the_demo_has_an_inspection_in_each_state(case):
    build_supervision_demo(case.world.center_admin, lambda _msg: None)
    assert set(Inspection.objects.values_list("state", flat=True)) == set(InspectionState.values)
