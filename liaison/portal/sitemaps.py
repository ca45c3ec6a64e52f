"""sitemap.xml: every public page and every published document version."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from liaison.catalogue.models import ApprovalItem
from liaison.portal.models import DocumentVersion, VersionState

STATIC_PAGES = (
    "portal:home",
    "portal:service",
    "portal:process",
    "portal:guides",
    "portal:statistics",
    "portal:rules",
)


class PortalPagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return list(STATIC_PAGES)

    def location(self, item: str) -> str:
        return reverse(item)


class GuideSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> Any:
        return (
            ApprovalItem.objects.filter(is_active=True, department__is_active=True)
            .only("id", "updated_at")
            .order_by("id")
        )

    def location(self, item: ApprovalItem) -> str:
        return reverse("portal:guide", args=[item.pk])

    def lastmod(self, item: ApprovalItem) -> Any:
        return item.updated_at


class DocumentSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> Any:
        return (
            DocumentVersion.objects.filter(state=VersionState.PUBLISHED)
            .select_related("document")
            .only("number", "published_at", "document__slug")
            .order_by("document_id", "number")
        )

    def location(self, item: DocumentVersion) -> str:
        return reverse("portal:document_version", args=[item.document.slug, item.number])

    def lastmod(self, item: DocumentVersion) -> Any:
        return item.published_at


SITEMAPS = {"pages": PortalPagesSitemap, "guides": GuideSitemap, "documents": DocumentSitemap}
