"""Documents the centre publishes (Art. 24: 公开办事流程及工作制度): the implementing rules and the centre's
internal rules, each with numbered, dated versions. A published version stays readable at its own URL
after a later one is published."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    RULES = "rules", _("实施细则")
    INTERNAL = "internal", _("中心工作制度")


class VersionState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")


class PublishedDocument(models.Model):
    """One document the centre publishes; its text lives in its versions."""

    slug = models.SlugField(_("链接名"), max_length=60, unique=True)
    title = models.CharField(_("标题"), max_length=200)
    kind = models.CharField(_("类别"), max_length=12, choices=DocumentKind.choices)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("公开文件")
        verbose_name_plural = _("公开文件")

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    """One version of a document: its text, the date it was issued and whether it is published."""

    document = models.ForeignKey(PublishedDocument, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("版本号"))
    body = models.TextField(_("正文"))
    issued_on = models.DateField(_("印发日期"))
    note = models.CharField(_("修订说明"), max_length=300, blank=True)
    state = models.CharField(
        _("状态"), max_length=12, choices=VersionState.choices, default=VersionState.DRAFT
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("文件版本")
        verbose_name_plural = _("文件版本")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="portal_document_version_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="portal_version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"
