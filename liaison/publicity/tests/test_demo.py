"""The demo builder: sample articles, enquiries and FAQs, every row marked as sample data."""

from __future__ import annotations

import pytest

from liaison.publicity.demo import build_publicity_demo
from liaison.publicity.models import Article, ArticleState, Enquiry, EnquiryState, Faq

pytestmark = pytest.mark.django_db


def test_the_demo_builds_marked_sample_rows(center_admin, client):
    lines: list[str] = []
    build_publicity_demo(center_admin, lines.append)
    assert Article.objects.filter(state=ArticleState.PUBLISHED, is_sample=True).count() == 2
    assert Article.objects.filter(is_sample=False).count() == 0
    assert Enquiry.objects.filter(state=EnquiryState.OPEN).count() == 2
    assert Enquiry.objects.filter(state=EnquiryState.ANSWERED).count() == 3
    assert (
        not Enquiry.objects.filter(is_sample=False).exists()
        and not Faq.objects.filter(is_sample=False).exists()
    )
    page = client.get("/publicity/").content.decode()
    assert page.count("badge-sample") == 2
    faq = client.get("/publicity/faq/").content.decode()
    assert "badge-sample" in faq and "赵先生" not in faq
    assert lines
