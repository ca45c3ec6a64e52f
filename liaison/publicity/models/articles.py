"""Articles and case stories the centre publishes (Art. 21), and the images their bodies show."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleKind(models.TextChoices):
    NEWS = "news", _("工作动态")
    CASE = "case", _("服务案例")


class ArticleState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Article(models.Model):
    """One article; `body` is HTML cleaned by `liaison.publicity.html.clean_html` on save and on render."""

    kind = models.CharField(_("类别"), max_length=10, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    title = models.CharField(_("标题"), max_length=120)
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    body = models.TextField(_("正文"))
    state = models.CharField(
        _("状态"), max_length=10, choices=ArticleState.choices, default=ArticleState.DRAFT, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("撰写人"), on_delete=models.PROTECT, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdraw_reason = models.CharField(_("撤回理由"), max_length=200, blank=True)
    is_sample = models.BooleanField(_("示例数据"), default=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("宣传报道")
        verbose_name_plural = _("宣传报道")
        permissions = [("publish_article", _("发布和撤回宣传报道"))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state == ArticleState.PUBLISHED


class ArticleImage(models.Model):
    """An image the editor uploaded for an article's body (checked by Pillow), served by `publicity:image`."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(_("图片"), upload_to="publicity/%Y/%m/", max_length=200)
    content_type = models.CharField(max_length=40)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    alt = models.CharField(_("图片说明"), max_length=120)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("报道图片")
        verbose_name_plural = _("报道图片")

    def __str__(self) -> str:
        return self.alt
