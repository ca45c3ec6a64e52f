"""The difficulty list's keyword search and its export of exactly the filtered rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.coordination.tests.test_services import raise_one
from liaison.testing.xlsx import sheet_rows

pytestmark = pytest.mark.django_db
LIST = reverse("coordination:list")


def test_the_keyword_narrows_the_difficulties_and_the_export_alike(client, case):
    raise_one(case, title="消防验收口径不一致")
    raise_one(case, title="用地红线需调整")
    client.force_login(case.world.center_admin)
    html = client.get(LIST, {"state": "all", "q": "红线"}).content.decode()
    assert "用地红线需调整" in html and "消防验收口径不一致" not in html
    assert 'name="state" value="all"' in html  # the search keeps the tab
    rows = sheet_rows(client.get(LIST, {"state": "all", "q": "红线", "export": "xlsx"}))
    assert [row[1] for row in rows] == ["用地红线需调整"]
    assert len(sheet_rows(client.get(LIST, {"state": "all", "export": "xlsx"}))) == 2


def test_an_officer_of_another_project_exports_none_of_them(client, case):
    raise_one(case)
    client.force_login(case.other_officer.user)
    assert sheet_rows(client.get(LIST, {"state": "all", "export": "xlsx"})) == []
