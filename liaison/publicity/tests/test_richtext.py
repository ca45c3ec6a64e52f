"""The allow-list of article HTML, on save and on render."""

from __future__ import annotations

import pytest

from liaison.publicity.models import Article
from liaison.publicity.richtext import clean_html, plain_text
from liaison.publicity.tests.support import draft

ATTACKS = [
    '<script>alert("x")</script><p>ok</p>',
    '<p onclick="steal()">ok</p>',
    '<img src="/publicity/images/1/" onerror="steal()" alt="a">',
    '<a href="javascript:alert(1)">ok</a>',
    '<a href="JaVaScRiPt:alert(1)">ok</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">',
    "<style>body{display:none}</style><p>ok</p>",
    '<iframe src="https://evil.example"></iframe><p>ok</p>',
    '<svg onload="steal()"><p>ok</p></svg>',
    '<p style="background:url(javascript:alert(1))">ok</p>',
]


@pytest.mark.parametrize("html", ATTACKS)
def test_cleaning_removes_scripts_handlers_and_script_urls(html):
    cleaned = clean_html(html).lower()
    for bad in (
        "<script",
        "onclick",
        "onerror",
        "onload",
        "javascript:",
        "data:",
        "<style",
        "<iframe",
        "style=",
    ):
        assert bad not in cleaned


def test_the_allowed_subset_survives():
    html = (
        "<h2>标题</h2><p><strong>加粗</strong><em>斜体</em></p><ul><li>一</li></ul>"
        '<a href="https://www.example.gov.cn/a">链接</a><img src="/publicity/images/3/" alt="现场">'
    )
    cleaned = clean_html(html)
    assert "<h2>标题</h2>" in cleaned and "<strong>加粗</strong>" in cleaned and "<li>一</li>" in cleaned
    assert 'href="https://www.example.gov.cn/a"' in cleaned and 'rel="noopener noreferrer"' in cleaned
    assert '<img src="/publicity/images/3/" alt="现场">' in cleaned


def test_plain_text_unescapes_entities():
    assert plain_text("<p>甲 &amp; 乙</p>") == "甲 & 乙"


@pytest.mark.django_db
def test_a_body_is_cleaned_when_saved(center_admin):
    article = draft(center_admin, body='<p onmouseover="x()">内容</p><script>alert(1)</script>')
    stored = Article.objects.get(pk=article.pk).body
    assert stored == "<p>内容</p>"


@pytest.mark.django_db
def test_a_body_is_cleaned_again_when_shown(client, center_admin):
    """A body written past the service (an import, a database edit) is still cleaned on the page."""
    from liaison.publicity.services.articles import article_publish

    article = draft(center_admin)
    article_publish(actor=center_admin, article_id=article.pk)
    Article.objects.filter(pk=article.pk).update(
        body='<p>正文</p><script>alert(1)</script><a href="javascript:x()">l</a>'
    )
    page = client.get(f"/publicity/articles/{article.pk}/").content.decode()
    assert "alert(1)" not in page and "javascript:x()" not in page and "<p>正文</p>" in page
    api = client.get(f"/api/v1/publicity/articles/{article.pk}").json()
    assert "script" not in api["body"]
