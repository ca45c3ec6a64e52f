"""Who reaches which page and endpoint, for every persona: the public pages are everyone's; the
article pages and enquiry handling are the centre admin's; the leader and supervisors read enquiries."""

from __future__ import annotations

import pytest

from liaison.publicity.services.enquiries import enquiry_answer
from liaison.publicity.tests.support import draft, enquiry, published

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide_user",
    "dept_admin",
    "applicant",
]
PUBLIC = [
    "/publicity/",
    "/publicity/feed/",
    "/publicity/faq/",
    "/publicity/enquiries/new/",
    "/publicity/enquiries/status/",
]
ADMIN_ONLY = [
    "/publicity/manage/articles/",
    "/publicity/manage/articles/new/",
    "/publicity/manage/faqs/",
    "/publicity/manage/settings/",
]
ENQUIRY_READERS = {"center_admin", "center_leader", "supervisor"}


def _login(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


def _expected(persona: str, allowed: bool) -> int:
    if allowed:
        return 200
    return 302 if persona == "anonymous" else 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_pages_answer_everyone(client, request, persona, center_admin):
    article = published(center_admin)
    _login(client, request, persona)
    for url in [*PUBLIC, f"/publicity/articles/{article.pk}/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/v1/publicity/articles").status_code == 200
    assert client.get("/api/v1/publicity/faqs").status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_article_pages_are_the_centre_admins(client, request, persona, center_admin):
    article = draft(center_admin)
    _login(client, request, persona)
    allowed = persona == "center_admin"
    for url in [
        *ADMIN_ONLY,
        f"/publicity/manage/articles/{article.pk}/",
        f"/publicity/manage/articles/{article.pk}/preview/",
    ]:
        assert client.get(url).status_code == _expected(persona, allowed), url
    assert (
        client.get(f"/publicity/articles/{article.pk}/").status_code == 404
    )  # a draft is nobody's public page
    publish = client.post(f"/publicity/manage/articles/{article.pk}/publish/")
    assert publish.status_code == (302 if allowed else _expected(persona, False))


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_enquiries_are_read_by_the_centre_and_supervisors_and_answered_by_the_admin(
    client, request, persona, center_admin
):
    e = enquiry()
    _login(client, request, persona)
    reads = persona in ENQUIRY_READERS
    assert client.get("/publicity/manage/enquiries/").status_code == _expected(persona, reads)
    assert client.get(f"/publicity/manage/enquiries/{e.pk}/").status_code == _expected(persona, reads)
    answer = client.post(f"/publicity/manage/enquiries/{e.pk}/answer/", {"answer": "答复"})
    if persona == "center_admin":
        assert answer.status_code == 302
    elif reads:
        assert answer.status_code == 400  # sees it, may not answer it
    else:
        assert answer.status_code == _expected(persona, False)


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_the_api_gives_the_same_answers(client, request, persona, center_admin):
    article = draft(center_admin)
    e = enquiry()
    enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="答复")
    _login(client, request, persona)
    admin = persona == "center_admin"
    assert client.get(f"/api/v1/publicity/manage/articles/{article.pk}").status_code == (
        200 if admin else 404
    )
    publish = client.post(f"/api/v1/publicity/manage/articles/{article.pk}/publish")
    assert publish.status_code == (200 if admin else 404)
    reads = client.get(f"/api/v1/publicity/enquiries/{e.pk}")
    assert reads.status_code == (200 if persona in ENQUIRY_READERS else 404)
    listed = client.get("/api/v1/publicity/enquiries").json()["items"]
    assert len(listed) == (1 if persona in ENQUIRY_READERS else 0)
    faq = client.post(
        f"/api/v1/publicity/enquiries/{e.pk}/faq",
        {"topic": "entrust", "question": "问题？", "answer": "答复"},
        content_type="application/json",
    )
    assert faq.status_code == (201 if admin else 403 if persona in ENQUIRY_READERS else 404)


def test_the_staff_api_needs_a_sign_in(client, center_admin):
    article = draft(center_admin)
    assert client.get(f"/api/v1/publicity/manage/articles/{article.pk}").status_code == 401
    assert client.get("/api/v1/publicity/enquiries").status_code == 401
