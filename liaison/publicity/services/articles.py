"""Writing articles: drafted and changed by a centre admin, published and withdrawn by an editor
(ARTICLE_WORKFLOW). Every change locks the row, cleans the body with the one allow-list and is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.publicity.models import Article, ArticleKind, ArticleState
from liaison.publicity.policies import article_roles, can_edit_articles
from liaison.publicity.richtext import clean_html, plain_text
from liaison.publicity.services.common import optional_text, required_text
from liaison.publicity.workflows import ARTICLE_WORKFLOW

BODY_MAX = 50_000


def _fields(*, kind: str, title: str, summary: str, body: str) -> dict[str, str]:
    if kind not in ArticleKind.values:
        raise DomainError(_("请选择报道类别。"), field="kind")
    cleaned = clean_html(str(body or ""))
    if not plain_text(cleaned) and "<img" not in cleaned:
        raise DomainError(_("请填写正文。"), field="body")
    if len(cleaned) > BODY_MAX:
        raise DomainError(_("正文过长（不能超过 5 万个字符）。"), field="body")
    return {
        "kind": kind,
        "title": required_text(title, field="title", label=_("标题"), max_length=120),
        "summary": optional_text(summary, field="summary", label=_("摘要"), max_length=300),
        "body": cleaned,
    }


def article_create(*, actor: Any, kind: str, title: str, summary: str = "", body: str) -> Article:
    """A new draft by a centre admin (the body cleaned before it is stored)."""
    if not can_edit_articles(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以撰写宣传报道。"))
    values = _fields(kind=kind, title=title, summary=summary, body=body)
    with transaction.atomic():
        article = Article.objects.create(author=actor, **values)
        audit_record(
            actor=actor,
            action="article.create",
            obj=article,
            after={"state": article.state, "title": article.title},
            summary=_("撰写宣传报道：%(t)s") % {"t": article.title},
        )
    return article


def lock_article(actor: Any, article_id: int) -> tuple[Article, frozenset[str]]:
    """The article locked for update, and the actor's roles in ARTICLE_WORKFLOW (404 for outsiders)."""
    roles = article_roles(actor)
    article = Article.objects.select_for_update().filter(pk=article_id).first() if roles else None
    if article is None:
        raise NotFound(_("报道不存在或您无权查看。"))
    return article, roles


def article_update(
    *, actor: Any, article_id: int, kind: str, title: str, summary: str = "", body: str
) -> Article:
    """Change a draft or a withdrawn article; a published one is withdrawn first."""
    values = _fields(kind=kind, title=title, summary=summary, body=body)
    with transaction.atomic():
        article, _roles = lock_article(actor, article_id)
        if article.state == ArticleState.PUBLISHED:
            raise DomainError(_("已发布的报道不能直接修改，请先撤回。"))
        before = {k: getattr(article, k) for k in values}
        for key, value in values.items():
            setattr(article, key, value)
        article.save()
        audit_record(
            actor=actor,
            action="article.update",
            obj=article,
            before=before,
            after=values,
            summary=_("修改宣传报道：%(t)s") % {"t": article.title},
        )
    return article


def _transition(actor: Any, article_id: int, name: str, **changes: Any) -> Article:
    with transaction.atomic():
        article, roles = lock_article(actor, article_id)
        t = ARTICLE_WORKFLOW.check(name, state=article.state, roles=roles)
        previous = article.state
        article.state = t.target
        for key, value in changes.items():
            setattr(article, key, value)
        article.save()
        audit_record(
            actor=actor,
            action=f"article.{name}",
            obj=article,
            before={"state": previous},
            after={"state": article.state, **{k: v for k, v in changes.items() if k != "published_by"}},
            summary=_("宣传报道%(a)s：%(t)s") % {"a": t.label, "t": article.title},
        )
    return article


def article_publish(*, actor: Any, article_id: int) -> Article:
    """Publish (or publish again) an article: an editor only."""
    return _transition(
        actor, article_id, "publish", published_at=timezone.now(), published_by=actor, withdrawn_at=None
    )


def article_withdraw(*, actor: Any, article_id: int, reason: str) -> Article:
    """Take a published article off the public pages and the feed: an editor only, with a reason."""
    reason = required_text(reason, field="reason", label=_("撤回理由"), max_length=200)
    return _transition(actor, article_id, "withdraw", withdrawn_at=timezone.now(), withdraw_reason=reason)
