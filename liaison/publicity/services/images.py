"""Uploading an article's image: checked by Pillow (liaison.publicity.images), stored under MEDIA with a
generated name, audited; the body refers to it by its public URL."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.publicity.images import image_check
from liaison.publicity.models import ArticleImage
from liaison.publicity.services.articles import lock_article
from liaison.publicity.services.common import required_text


def image_url(image: ArticleImage) -> str:
    return reverse("publicity:image", args=[image.pk])


def article_image_upload(*, actor: Any, article_id: int, upload: Any, alt: str) -> ArticleImage:
    """Store a real image for the article (JPEG/PNG/GIF/WebP, at most 2 MB)."""
    alt = required_text(alt, field="alt", label=_("图片说明"), max_length=120)
    facts = image_check(upload)
    with transaction.atomic():
        article, _roles = lock_article(actor, article_id)
        image = ArticleImage(
            article=article,
            content_type=facts.content_type,
            width=facts.width,
            height=facts.height,
            size=facts.size,
            alt=alt,
            uploaded_by=actor,
        )
        upload.seek(0)
        image.file.save(f"{secrets.token_hex(12)}.{facts.extension}", ContentFile(upload.read()), save=False)
        image.save()
        audit_record(
            actor=actor,
            action="article.image_upload",
            obj=image,
            object_repr=article.title,
            after={"alt": alt, "size": facts.size, "type": facts.content_type},
            summary=_("上传报道图片：%(t)s") % {"t": article.title},
        )
    return image
