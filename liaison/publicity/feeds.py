"""The RSS feed of published articles (django.contrib.syndication)."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from liaison.publicity.models import Article
from liaison.publicity.richtext import plain_text
from liaison.publicity.selectors.articles import article_public_list


class ArticleFeed(Feed):
    title = _("政务服务联络官服务宣传报道")
    description = _("政务服务中心发布的联络官服务工作动态和服务案例。")

    def link(self) -> str:
        return reverse("publicity:article_list")

    def items(self) -> Any:
        return article_public_list()[:30]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary or plain_text(item.body)[:200]

    def item_link(self, item: Article) -> str:
        return reverse("publicity:article_detail", args=[item.pk])

    def item_pubdate(self, item: Article) -> Any:
        return item.published_at
