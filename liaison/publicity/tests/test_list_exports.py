"""The centre's article and enquiry lists on the one list pattern: keyword search keeping the state filter,
pagination, and an Excel export of exactly what is filtered; nobody else gets the export."""

from __future__ import annotations

import pytest

from liaison.publicity.models import Enquiry
from liaison.publicity.services.articles import article_create
from liaison.publicity.services.enquiries import enquiry_answer
from liaison.publicity.tests.support import enquiry
from liaison.testing.xlsx import sheet_lines, sheet_rows

pytestmark = pytest.mark.django_db
ENQUIRIES = "/publicity/manage/enquiries/"
ARTICLES = "/publicity/manage/articles/"


def test_the_enquiry_export_holds_the_filtered_enquiries_with_their_answers(client, center_admin):
    first = enquiry(question="外资项目可以委托吗？")
    enquiry(question="收费标准是什么？")
    enquiry_answer(actor=center_admin, enquiry_id=first.pk, answer="可以委托。")
    client.force_login(center_admin)
    everything = sheet_rows(client.get(ENQUIRIES, {"export": "xlsx"}))
    assert len(everything) == 2
    found = sheet_rows(client.get(ENQUIRIES, {"q": "外资", "export": "xlsx"}))
    assert len(found) == 1 and found[0][0] == first.code and "可以委托。" in found[0]
    assert "13912345678" in found[0]  # the centre sees the asker's phone in full
    assert sheet_rows(client.get(ENQUIRIES, {"state": "answered", "q": "收费", "export": "xlsx"})) == []
    lines = sheet_lines(client.get(ENQUIRIES, {"state": "open", "export": "xlsx"}))
    assert any("state=open" in str(cell) for line in lines[:3] for cell in line if cell)


def test_the_enquiry_list_pages_and_keeps_the_filter_in_its_toolbar(client, center_admin):
    for n in range(27):
        enquiry(question=f"第{n}个问题")
    client.force_login(center_admin)
    first = client.get(ENQUIRIES, {"state": "open"})
    html = first.content.decode()
    assert html.count('data-testid="enquiry-row"') == 25 and 'data-testid="list-export"' in html
    assert 'name="state" value="open"' in html  # the search keeps the state
    second = client.get(ENQUIRIES, {"state": "open", "page": 2}).content.decode()
    assert second.count('data-testid="enquiry-row"') == Enquiry.objects.count() - 25


def test_the_article_export_lists_the_centres_articles(client, center_admin):
    article_create(actor=center_admin, kind="news", title="五华区联络官服务启动", body="<p>正文</p>")
    article_create(actor=center_admin, kind="news", title="项目开工", body="<p>正文</p>")
    client.force_login(center_admin)
    rows = sheet_rows(client.get(ARTICLES, {"q": "联络官", "export": "xlsx"}))
    assert [r[0] for r in rows] == ["五华区联络官服务启动"]
    assert 'data-testid="list-tools"' in client.get(ARTICLES).content.decode()


@pytest.mark.parametrize("persona", ["officer_user", "dept_admin"])
def test_other_staff_get_no_export(client, request, persona):
    enquiry()
    client.force_login(request.getfixturevalue(persona))
    for url in (ENQUIRIES, ARTICLES):
        assert client.get(url, {"export": "xlsx"}).status_code == 404
