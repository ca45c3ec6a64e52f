"""Reads of articles: the public list and page (published only), the centre's list and one article to
edit or preview, and the images the public may load."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter
from liaison.publicity.models import Article, ArticleImage, ArticleState
from liaison.publicity.policies import can_edit_articles


def article_public_list(*, kind: str = "", q: str = "") -> QuerySet[Article]:
    """Published articles, newest first."""
    qs = Article.objects.filter(state=ArticleState.PUBLISHED)
    if kind:
        qs = qs.filter(kind=kind)
    return keyword_filter(qs, q, ["title", "summary"]).order_by("-published_at", "-id")


def access_public_article(pk: int) -> Article:
    """A published article; anything else is missing (404) to the public."""
    article = Article.objects.filter(pk=pk, state=ArticleState.PUBLISHED).first()
    if article is None:
        raise NotFound(_("报道不存在或已撤回。"))
    return article


def article_manage_list(user: Any, *, state: str = "", q: str = "") -> QuerySet[Article]:
    if not can_edit_articles(user):
        return Article.objects.none()
    qs = Article.objects.select_related("author")
    if state:
        qs = qs.filter(state=state)
    return keyword_filter(qs, q, ["title", "summary"]).order_by("-updated_at", "-id")


def access_article(user: Any, pk: int) -> Article:
    """An article in any state, for the centre's editors (404 for everybody else)."""
    article = (
        Article.objects.select_related("author").filter(pk=pk).first() if can_edit_articles(user) else None
    )
    if article is None:
        raise NotFound(_("报道不存在或您无权查看。"))
    return article


def access_image(user: Any, pk: int) -> ArticleImage:
    """An image of a published article (anyone), or of any article (the centre's editors)."""
    image = ArticleImage.objects.select_related("article").filter(pk=pk).first()
    if image is None or not (image.article.state == ArticleState.PUBLISHED or can_edit_articles(user)):
        raise NotFound(_("图片不存在。"))
    return image
