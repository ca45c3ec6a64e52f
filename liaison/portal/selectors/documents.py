"""Reads of the published documents: the current version of each, a version by number, the history."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from liaison.core.bounds import id_or_none
from liaison.core.errors import NotFound
from liaison.portal.models import DocumentVersion, PublishedDocument, VersionState


def published_documents() -> list[dict[str, Any]]:
    """Every document with a published version: the document, its current version, its earlier ones."""
    published = Prefetch(
        "versions",
        queryset=DocumentVersion.objects.filter(state=VersionState.PUBLISHED)
        .defer("body")
        .order_by("-number"),
        to_attr="published",
    )
    return [
        {"document": d, "current": d.published[0], "history": d.published}
        for d in PublishedDocument.objects.prefetch_related(published)
        if d.published
    ]


def access_published_version(slug: str, number: Any = None) -> DocumentVersion:
    """A published version (the latest when `number` is None), or NotFound; drafts are never public."""
    qs = DocumentVersion.objects.select_related("document").filter(
        document__slug=slug, state=VersionState.PUBLISHED
    )
    if number is not None:
        n = id_or_none(number)
        version = qs.filter(number=n).first() if n else None
    else:
        version = qs.order_by("-number").first()
    if version is None:
        raise NotFound(_("文件不存在。"))
    return version


def document_admin_list() -> list[PublishedDocument]:
    """Every document with all its versions (drafts too), for the centre's staff."""
    return list(
        PublishedDocument.objects.prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.defer("body").order_by("-number"))
        )
    )


def access_document(document_id: Any) -> PublishedDocument:
    pk = id_or_none(document_id)
    document = PublishedDocument.objects.filter(pk=pk).first() if pk else None
    if document is None:
        raise NotFound(_("文件不存在。"))
    return document


def access_version(version_id: Any) -> DocumentVersion:
    pk = id_or_none(version_id)
    version = DocumentVersion.objects.select_related("document").filter(pk=pk).first() if pk else None
    if version is None:
        raise NotFound(_("文件不存在。"))
    return version
