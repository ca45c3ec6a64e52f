"""The list pattern: keyword, toolbar, and an export that says when it was cut."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from liaison.core import listing
from liaison.core.listing import Column, ListExport, export_response, keyword, list_tools
from liaison.testing.xlsx import sheet_lines, sheet_rows

SPEC = ListExport("测试清单", (Column("编号", lambda r: r[0], text=True), Column("名称", lambda r: r[1])))


def test_the_toolbar_keeps_every_filter_but_the_page_and_links_the_export():
    request = RequestFactory().get("/x/", {"state": "all", "q": " 红线 ", "page": "3", "tag": ["a", "b"]})
    tools = list_tools(request)
    assert tools.q == keyword(request) == "红线"
    assert tools.hidden == [("state", "all"), ("tag", "a"), ("tag", "b")]
    assert tools.export_url.startswith("/x/?") and "page=" not in tools.export_url
    assert "export=xlsx" in tools.export_url and "state=all" in tools.export_url


def test_a_long_keyword_is_cut_to_its_bound():
    assert len(keyword(RequestFactory().get("/", {"q": "字" * 500}))) == listing.KEYWORD_MAX


def test_the_export_writes_the_rows_under_a_title_and_the_filter():
    request = RequestFactory().get("/x/", {"state": "open", "export": "xlsx"})
    response = export_response(SPEC, [("0012", "甲"), ("=1+1", "乙")], request=request)
    lines = sheet_lines(response)
    assert lines[0][0] == "测试清单" and "state=open" in lines[1][0] and "export" not in lines[1][0]
    assert lines[2] == ("编号", "名称")
    assert sheet_rows(response) == [("0012", "甲"), ("=1+1", "乙")]  # codes stay text, no formula runs
    assert "attachment" in response["Content-Disposition"]


def test_an_export_over_the_synchronous_limit_is_offered_in_the_background(settings, rf, db):
    """Past EXPORT_SYNC_MAX rows nothing is written during the request: a page offers the background export
    (a form that posts: the GET changes nothing)."""
    settings.EXPORT_SYNC_MAX = 3
    request = rf.get("/x/", {"state": "open", "export": "xlsx", "page": "2"})
    request.user = AnonymousUser()
    small = export_response(SPEC, [(str(n), "行") for n in range(3)], request=request)
    assert len(sheet_rows(small)) == 3
    offer = export_response(SPEC, ((str(n), "行") for n in range(10)), request=request)
    html = offer.content.decode()
    assert offer.status_code == 200 and offer["Content-Type"].startswith("text/html")
    assert 'data-testid="export-offer-total"' in html and "共 10 条" in html
    assert 'method="post" action="/exports/request/"' in html
