"""The guide roster (联系表): rows, filters, masking per role, the page and its query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.catalogue.exchange.roster_columns import ROSTER_HEADERS
from liaison.catalogue.exchange.testing import seed_item
from liaison.catalogue.selectors.roster import RosterFilters, roster_list, roster_shows_full_phones
from liaison.catalogue.stages import Stage
from liaison.testing.personas import PASSWORD, make_department, make_user

FULL_ROLES = ["center_admin", "center_leader", "supervisor", "officer_user", "guide_user", "dept_admin"]
MASKED_ROLES = ["applicant", "project_office"]


@pytest.fixture
def catalogue(center_admin, department, other_department, guide_user, second_guide):
    """Three active items (one without a guide) in two departments, plus an inactive one."""
    department.sort_order, other_department.sort_order = 1, 2
    department.save()
    other_department.save()
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-002",
        name="企业投资项目备案",
        stage=Stage.CONSTRUCTION_PERMIT,
        guide=second_guide,
    )
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-001",
        name="企业投资项目核准",
        stage=Stage.APPROVAL_LAND,
        guide=guide_user,
    )
    seed_item(actor=center_admin, department=other_department, code="NRB-001", name="建设用地规划许可")
    seed_item(actor=center_admin, department=department, code="DRC-009", name="已停用事项", is_active=False)


@pytest.mark.django_db
def test_roster_lists_each_active_item_once_with_its_current_guide(catalogue, center_admin):
    rows = list(roster_list(viewer=center_admin, filters=RosterFilters()))

    assert [r.item_code for r in rows] == ["DRC-001", "DRC-002", "NRB-001"]
    assert [r.seq for r in rows] == [1, 2, 3]
    first = rows[0]
    assert (first.department, first.item_name, first.guide_name, first.post) == (
        "区发展和改革局",
        "企业投资项目核准",
        "指导员甲",
        "科长",
    )
    assert (first.office_phone, first.mobile) == ("0871-63100001", "13900002222")
    assert first.stage_label == "立项及备案用地规划许可阶段"
    assert rows[2].guide_name == ""  # an item without a guide still shows, so the gap is visible


@pytest.mark.django_db
def test_roster_shows_the_new_guide_after_a_change(catalogue, center_admin, department, second_guide):
    seed_item(
        actor=center_admin, department=department, code="DRC-001", name="企业投资项目核准", guide=second_guide
    )

    rows = list(roster_list(viewer=center_admin, filters=RosterFilters()))

    assert [r.guide_name for r in rows if r.item_code == "DRC-001"] == ["指导员乙"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"stage": Stage.CONSTRUCTION_PERMIT}, ["DRC-002"]),
        ({"q": "规划"}, ["NRB-001"]),
        ({"q": "指导员乙"}, ["DRC-002"]),
        ({"q": "drc-001"}, ["DRC-001"]),
        ({"stage": "nonsense"}, ["DRC-001", "DRC-002", "NRB-001"]),
        ({"department": "abc"}, ["DRC-001", "DRC-002", "NRB-001"]),
    ],
)
def test_roster_filters_by_stage_and_keyword(catalogue, center_admin, params, expected):
    rows = roster_list(viewer=center_admin, filters=RosterFilters.from_params(params))

    assert [r.item_code for r in rows] == expected


@pytest.mark.django_db
def test_roster_filters_by_department(catalogue, center_admin, other_department):
    filters = RosterFilters.from_params({"department": str(other_department.pk)})

    assert [r.item_code for r in roster_list(viewer=center_admin, filters=filters)] == ["NRB-001"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", FULL_ROLES)
def test_staff_roles_see_guides_phones_in_full(request, catalogue, persona):
    viewer = request.getfixturevalue(persona)

    row = roster_list(viewer=viewer, filters=RosterFilters())[0]

    assert roster_shows_full_phones(viewer)
    assert (row.office_phone, row.mobile) == ("0871-63100001", "13900002222")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", MASKED_ROLES)
def test_applicants_and_project_office_see_phones_masked(request, catalogue, persona):
    viewer = request.getfixturevalue(persona)

    row = roster_list(viewer=viewer, filters=RosterFilters())[0]

    assert not roster_shows_full_phones(viewer)
    assert row.mobile == "139****2222"
    assert row.office_phone == "0871-****0001"


@pytest.mark.django_db
def test_roster_page_masks_phones_for_an_applicant(client, catalogue, applicant):
    client.force_login(applicant)

    response = client.get(reverse("catalogue:roster"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "139****2222" in body
    assert "13900002222" not in body
    assert 'data-testid="phones-masked-note"' in body
    assert 'data-testid="catalogue-export"' not in body
    assert 'data-testid="catalogue-import"' not in body


@pytest.mark.django_db
def test_roster_page_shows_full_phones_and_exchange_buttons_to_the_centre(client, catalogue, center_admin):
    client.force_login(center_admin)

    response = client.get(reverse("catalogue:roster"), {"stage": Stage.APPROVAL_LAND})

    body = response.content.decode()
    assert "13900002222" in body
    assert "企业投资项目核准" in body
    assert "企业投资项目备案" not in body
    assert f"{reverse('catalogue:roster_export_xlsx')}?stage=approval_land" in body
    assert f"{reverse('catalogue:roster_export_docx')}?stage=approval_land" in body
    assert 'data-testid="catalogue-import"' in body


@pytest.mark.django_db
def test_roster_page_paginates(client, center_admin, department):
    for n in range(30):
        seed_item(actor=center_admin, department=department, code=f"P-{n:03d}")
    client.force_login(center_admin)

    first = client.get(reverse("catalogue:roster"))
    second = client.get(reverse("catalogue:roster"), {"page": 2})

    assert first.content.decode().count('data-testid="roster-row"') == 25
    assert second.content.decode().count('data-testid="roster-row"') == 5
    assert "P-029" in second.content.decode()


@pytest.mark.django_db
def test_roster_page_query_count_does_not_grow_with_rows(
    client, center_admin, department, guide_user, django_assert_max_num_queries
):
    client.force_login(center_admin)
    guides = [
        make_user(f"g{n}", roles=("guide",), department=department, mobile="13911112222") for n in range(20)
    ]
    seed_item(actor=center_admin, department=department, code="Q-000", guide=guide_user)
    client.get(reverse("catalogue:roster"))  # warm caches (session, content types)
    with django_assert_max_num_queries(17) as few:  # the sidebar's 待办 (every kind counted in one statement)
        client.get(reverse("catalogue:roster"))
    for n, guide in enumerate(guides, start=1):
        seed_item(actor=center_admin, department=make_department(), code=f"Q-{n:03d}", guide=guide)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("catalogue:roster"))

    assert response.content.decode().count('data-testid="roster-row"') == 21


@pytest.mark.django_db
def test_print_view_lists_all_rows_under_the_attachment_title(client, catalogue, officer_user, settings):
    settings.REGION_NAME = "盘龙区"
    client.force_login(officer_user)

    response = client.get(reverse("catalogue:roster"), {"print": "1"})

    body = response.content.decode()
    assert "盘龙区政务服务联络官审批服务专职指导员联系表" in body
    assert "五华区政务服务联络官" not in body
    assert body.count("<tr>") == 4  # header + three items
    for header in ROSTER_HEADERS:  # the columns of the Word and Excel exports
        assert f"<th>{header}</th>" in body


@pytest.mark.django_db
def test_roster_page_requires_sign_in(client):
    response = client.get(reverse("catalogue:roster"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_a_password_login_reaches_the_roster(client, catalogue):
    make_user("viewer1", roles=("officer",))
    assert client.login(username="viewer1", password=PASSWORD)

    assert client.get(reverse("catalogue:roster")).status_code == 200
