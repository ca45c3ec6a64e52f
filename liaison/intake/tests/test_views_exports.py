"""The project list's and the review queue's exports: exactly the filtered rows, exact amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from liaison.intake.tests.test_views_support import (
    logged_in,
    make_project,
    make_submitted,
    register_applicant,
)
from liaison.testing.xlsx import sheet_rows

pytestmark = pytest.mark.django_db


def test_the_project_export_has_the_searched_projects_with_the_exact_amount_and_currency(center_admin):
    applicant = register_applicant()
    make_project(applicant, name="翠湖商业综合体", total_investment=Decimal("80000000.00"))
    make_project(applicant, name="滇池物流园")
    client = logged_in(center_admin)
    page = client.get(reverse("intake:project_list"), {"q": "翠湖"}).content.decode()
    assert 'data-testid="list-export"' in page and "q=%E7%BF%A0%E6%B9%96&amp;export=xlsx" in page
    rows = sheet_rows(client.get(reverse("intake:project_list"), {"q": "翠湖", "export": "xlsx"}))
    assert len(rows) == 1
    assert (
        rows[0][1] == "翠湖商业综合体"
        and Decimal(str(rows[0][5])) == Decimal("80000000")
        and rows[0][6] == "CNY"
    )


def test_an_enterprise_exports_only_its_own_projects(center_admin):
    mine, other = register_applicant(), register_applicant("翠湖实业有限公司")
    make_project(mine, name="我的项目")
    make_project(other, name="别人的项目")
    rows = sheet_rows(logged_in(mine).get(reverse("intake:project_list"), {"export": "xlsx"}))
    assert [row[1] for row in rows] == ["我的项目"]


def test_the_review_queue_exports_the_tab_and_keyword_it_shows(center_admin):
    applicant = register_applicant()
    make_submitted(applicant, project=make_project(applicant, name="翠湖待受理项目"))
    make_submitted(applicant, project=make_project(applicant, name="滇池待受理项目"))
    client = logged_in(center_admin)
    html = client.get(reverse("intake:review_queue"), {"q": "翠湖"}).content.decode()
    assert html.count('data-testid="review-row"') == 1 and 'data-testid="list-export"' in html
    rows = sheet_rows(client.get(reverse("intake:review_queue"), {"q": "翠湖", "export": "xlsx"}))
    assert [row[0] for row in rows] == ["翠湖待受理项目"] and rows[0][6] == "待受理"


def test_the_review_queue_export_is_not_found_for_an_enterprise(center_admin):
    applicant = register_applicant()
    response = logged_in(applicant).get(reverse("intake:review_queue"), {"export": "xlsx"})
    assert response.status_code == 404
