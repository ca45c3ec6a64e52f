"""Article images: only real images within the limits are stored; the public sees those of published
articles only, through the app's own view."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.core.errors import DomainError, NotFound
from liaison.publicity.images import MAX_BYTES
from liaison.publicity.models import ArticleImage
from liaison.publicity.services.articles import article_publish
from liaison.publicity.services.images import article_image_upload, image_url
from liaison.publicity.tests.conftest import png_upload
from liaison.publicity.tests.support import draft

pytestmark = pytest.mark.django_db


def test_a_real_image_is_stored_with_its_facts(center_admin):
    article = draft(center_admin)
    image = article_image_upload(
        actor=center_admin, article_id=article.pk, upload=png_upload(), alt="服务现场"
    )
    assert (image.content_type, image.width, image.height) == ("image/png", 40, 30)
    assert image.file.name.startswith("publicity/") and image.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("fake.png", b"<script>alert(1)</script>", content_type="image/png"),
            "不是可识别的图片",
        ),
        (
            SimpleUploadedFile("doc.pdf", b"%PDF-1.4 not an image", content_type="application/pdf"),
            "不是可识别的图片",
        ),
        (SimpleUploadedFile("empty.png", b"", content_type="image/png"), "为空"),
    ],
)
def test_what_is_not_an_image_is_refused(center_admin, upload, message):
    article = draft(center_admin)
    with pytest.raises(DomainError, match=message):
        article_image_upload(actor=center_admin, article_id=article.pk, upload=upload, alt="x")
    assert not ArticleImage.objects.exists()


def test_a_too_big_image_is_refused(center_admin):
    article = draft(center_admin)
    big = png_upload()
    big.size = MAX_BYTES + 1
    with pytest.raises(DomainError, match="2 MB"):
        article_image_upload(actor=center_admin, article_id=article.pk, upload=big, alt="x")
    assert not ArticleImage.objects.exists()


def test_an_image_needs_its_description(center_admin):
    article = draft(center_admin)
    with pytest.raises(DomainError, match="图片说明"):
        article_image_upload(actor=center_admin, article_id=article.pk, upload=png_upload(), alt="")


def test_the_upload_page_shows_refusals(client, center_admin):
    article = draft(center_admin)
    client.force_login(center_admin)
    bad = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")
    response = client.post(f"/publicity/manage/articles/{article.pk}/images/", {"image": bad, "alt": "说明"})
    assert response.status_code == 400 and "不是可识别的图片" in response.content.decode()
    good = client.post(
        f"/publicity/manage/articles/{article.pk}/images/", {"image": png_upload(), "alt": "说明"}
    )
    assert good.status_code == 302 and ArticleImage.objects.count() == 1


def test_images_of_a_draft_are_hidden_from_the_public(client, center_admin, applicant):
    article = draft(center_admin)
    image = article_image_upload(actor=center_admin, article_id=article.pk, upload=png_upload(), alt="现场")
    url = image_url(image)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    assert client.get(url).status_code == 404
    client.force_login(center_admin)
    assert client.get(url).status_code == 200
    client.logout()
    article_publish(actor=center_admin, article_id=article.pk)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_another_role_cannot_upload(officer_user, center_admin):
    article = draft(center_admin)
    with pytest.raises(NotFound):
        article_image_upload(actor=officer_user, article_id=article.pk, upload=png_upload(), alt="x")
