"""/api/v1/publicity: the same services as the pages, bounded input, Chinese refusals."""

from __future__ import annotations

import pytest

from liaison.publicity.models import ArticleState
from liaison.publicity.tests.support import enquiry

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_the_centre_drafts_publishes_and_withdraws_through_the_api(client, center_admin):
    client.force_login(center_admin)
    made = client.post(
        "/api/v1/publicity/manage/articles",
        {"kind": "news", "title": "接口撰写", "body": "<p onclick='x'>内容</p><script>1</script>"},
        content_type=JSON,
    )
    assert made.status_code == 201 and made.json()["body"] == "<p>内容</p>"
    pk = made.json()["id"]
    assert (
        client.post(f"/api/v1/publicity/manage/articles/{pk}/publish").json()["state"]
        == ArticleState.PUBLISHED
    )
    public = client.get("/api/v1/publicity/articles").json()
    assert public["count"] == 1 and public["items"][0]["title"] == "接口撰写"
    refused = client.post(
        f"/api/v1/publicity/manage/articles/{pk}/withdraw", {"reason": ""}, content_type=JSON
    )
    assert refused.status_code == 400 and "撤回理由" in refused.json()["detail"]
    done = client.post(
        f"/api/v1/publicity/manage/articles/{pk}/withdraw", {"reason": "调整"}, content_type=JSON
    )
    assert done.json()["state"] == ArticleState.WITHDRAWN
    assert client.get(f"/api/v1/publicity/articles/{pk}").status_code == 404


def test_the_centre_answers_and_publishes_a_faq_through_the_api(client, center_admin):
    e = enquiry()
    client.force_login(center_admin)
    listed = client.get("/api/v1/publicity/enquiries?state=open").json()
    assert listed["items"][0]["light"] == "green" and listed["items"][0]["code"] == e.code
    answered = client.post(
        f"/api/v1/publicity/enquiries/{e.pk}/answer", {"answer": "可以。"}, content_type=JSON
    )
    assert (
        answered.status_code == 200
        and answered.json()["state"] == "answered"
        and answered.json()["actions"] == ["faq"]
    )
    faq = client.post(
        f"/api/v1/publicity/enquiries/{e.pk}/faq",
        {"topic": "scope", "question": "外资项目可以委托吗？", "answer": "可以。"},
        content_type=JSON,
    )
    assert faq.status_code == 201
    client.logout()
    faqs = client.get("/api/v1/publicity/faqs?q=外资").json()
    assert faqs["count"] == 1 and "李女士" not in str(faqs)


def test_huge_ids_and_bad_payloads_are_refused_not_crashed(client, center_admin):
    client.force_login(center_admin)
    assert client.get("/api/v1/publicity/articles/99999999999999999999999").status_code == 422
    assert client.get("/api/v1/publicity/enquiries/0").status_code == 422
    bad = client.post(
        "/api/v1/publicity/manage/articles", {"kind": "gossip", "title": "t", "body": "b"}, content_type=JSON
    )
    assert bad.status_code == 422
