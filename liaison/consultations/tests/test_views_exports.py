"""The consultation list's keyword search and its export of exactly the filtered rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.testing.xlsx import sheet_lines, sheet_rows

pytestmark = pytest.mark.django_db
LIST = reverse("consultations:list")


def test_the_keyword_finds_consultations_by_subject_and_the_export_has_the_same_rows(client, desk):
    desk.raise_(subject="用地规划许可办理咨询")
    desk.raise_(subject="施工许可消防审查咨询")
    client.force_login(desk.officer)
    page = client.get(LIST, {"q": "消防"})
    html = page.content.decode()
    assert html.count('data-testid="row-') == 1 and "施工许可消防审查咨询" in html
    assert 'data-testid="list-export"' in html and "export=xlsx" in page.context["tools"].export_url
    rows = sheet_rows(client.get(LIST, {"q": "消防", "export": "xlsx"}))
    assert [row[1] for row in rows] == ["施工许可消防审查咨询"]
    everything = sheet_rows(client.get(LIST, {"export": "xlsx"}))
    assert {row[1] for row in everything} == {"用地规划许可办理咨询", "施工许可消防审查咨询"}


def test_the_export_names_its_filter_and_keeps_codes_as_text(client, desk):
    made = desk.raise_()
    client.force_login(desk.officer)
    lines = sheet_lines(client.get(LIST, {"state": "pending", "export": "xlsx"}))
    assert lines[0][0] == "咨询清单" and "state=pending" in lines[1][0]
    assert lines[3][0] == made.number


def test_an_outsider_exports_nothing(client, desk, world):
    desk.raise_()
    client.force_login(world.applicant)
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 404 or sheet_rows(response) == []
