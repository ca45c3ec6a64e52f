"""Articles: drafted by any centre admin, published and withdrawn by an editor only; preview is the
centre's; the public list, page, feed and API show only what is published."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.publicity.editors import EDITOR_GROUP
from liaison.publicity.models import ArticleState
from liaison.publicity.services.articles import (
    article_create,
    article_publish,
    article_update,
    article_withdraw,
)
from liaison.publicity.tests.support import draft, published

pytestmark = pytest.mark.django_db


def test_a_new_centre_admin_is_an_editor_by_default(center_admin):
    assert center_admin.groups.filter(name=EDITOR_GROUP).exists()
    assert center_admin.has_perm("publicity.publish_article")


def test_the_editor_publishes_and_withdraws_with_audit(center_admin):
    article = draft(center_admin)
    assert article.state == ArticleState.DRAFT
    article = article_publish(actor=center_admin, article_id=article.pk)
    assert (
        article.state == ArticleState.PUBLISHED
        and article.published_at
        and article.published_by == center_admin
    )
    article = article_withdraw(actor=center_admin, article_id=article.pk, reason="信息需更新")
    assert article.state == ArticleState.WITHDRAWN and article.withdraw_reason == "信息需更新"
    actions = list(AuditEvent.objects.filter(object_id=str(article.pk)).values_list("action", flat=True))
    assert {"article.create", "article.publish", "article.withdraw"} <= set(actions)


def test_a_drafter_without_the_permission_drafts_but_cannot_publish(drafter, center_admin):
    article = draft(drafter)
    article_update(actor=drafter, article_id=article.pk, kind="news", title="改后的标题", body="<p>新</p>")
    with pytest.raises(PermissionDenied):
        article_publish(actor=drafter, article_id=article.pk)
    article = article_publish(actor=center_admin, article_id=article.pk)
    with pytest.raises(PermissionDenied):
        article_withdraw(actor=drafter, article_id=article.pk, reason="x")


@pytest.mark.parametrize(
    "persona", ["center_leader", "supervisor", "officer_user", "guide_user", "applicant"]
)
def test_other_roles_cannot_draft_or_see_a_draft(request, persona, center_admin):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        article_create(actor=user, kind="news", title="t", body="<p>b</p>")
    article = draft(center_admin)
    with pytest.raises(NotFound):
        article_publish(actor=user, article_id=article.pk)


def test_a_published_article_is_withdrawn_before_it_is_changed(center_admin):
    article = published(center_admin)
    with pytest.raises(DomainError, match="先撤回"):
        article_update(actor=center_admin, article_id=article.pk, kind="news", title="x", body="<p>y</p>")


def test_the_state_machine_refuses_steps_from_the_wrong_state(center_admin):
    article = draft(center_admin)
    with pytest.raises(DomainError, match="不能执行"):
        article_withdraw(actor=center_admin, article_id=article.pk, reason="x")
    published_article = article_publish(actor=center_admin, article_id=article.pk)
    with pytest.raises(DomainError, match="不能执行"):
        article_publish(actor=center_admin, article_id=published_article.pk)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "标题"),
        ({"title": "长" * 121}, "标题"),
        ({"body": "<script>only()</script>"}, "正文"),
        ({"kind": "gossip"}, "类别"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_saved(center_admin, fields, message):
    values = {"kind": "news", "title": "标题", "summary": "", "body": "<p>内容</p>"} | fields
    with pytest.raises(DomainError, match=message):
        article_create(actor=center_admin, **values)
    from liaison.publicity.models import Article

    assert not Article.objects.exists()


def test_withdrawing_needs_a_reason(center_admin):
    article = published(center_admin)
    with pytest.raises(DomainError, match="撤回理由"):
        article_withdraw(actor=center_admin, article_id=article.pk, reason=" ")


def test_only_published_articles_are_public(client, center_admin, django_assert_max_num_queries):
    hidden = draft(center_admin, "尚未发布的草稿")
    shown = published(center_admin, "已经发布的报道")
    for n in range(5):
        published(center_admin, f"更多报道{n}")
    with django_assert_max_num_queries(8):
        page = client.get("/publicity/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "已经发布的报道" in text and "尚未发布的草稿" not in text
    assert client.get(f"/publicity/articles/{hidden.pk}/").status_code == 404
    assert client.get(f"/publicity/articles/{shown.pk}/").status_code == 200
    feed = client.get("/publicity/feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert "已经发布的报道" in feed.content.decode() and "尚未发布的草稿" not in feed.content.decode()
    api = client.get("/api/v1/publicity/articles").json()
    assert {a["title"] for a in api["items"]} >= {"已经发布的报道"} and "尚未发布的草稿" not in str(api)
    assert client.get(f"/api/v1/publicity/articles/{hidden.pk}").status_code == 404


def test_a_withdrawn_article_leaves_the_public_pages(client, center_admin):
    article = published(center_admin)
    assert client.get(f"/publicity/articles/{article.pk}/").status_code == 200
    article_withdraw(actor=center_admin, article_id=article.pk, reason="内容调整")
    assert client.get(f"/publicity/articles/{article.pk}/").status_code == 404
    assert article.title not in client.get("/publicity/feed/").content.decode()


def test_the_preview_is_the_centres(client, center_admin, officer_user):
    article = draft(center_admin)
    client.force_login(center_admin)
    page = client.get(f"/publicity/manage/articles/{article.pk}/preview/")
    assert page.status_code == 200 and 'data-testid="preview-banner"' in page.content.decode()
    client.force_login(officer_user)
    assert client.get(f"/publicity/manage/articles/{article.pk}/preview/").status_code == 404
    client.logout()
    assert client.get(f"/publicity/manage/articles/{article.pk}/preview/").status_code == 302


def test_the_pages_write_publish_and_withdraw(client, center_admin):
    client.force_login(center_admin)
    response = client.post(
        "/publicity/manage/articles/new/",
        {"kind": "news", "title": "页面撰写", "summary": "", "body": "<p onclick='x'>正文</p>"},
    )
    assert response.status_code == 302
    from liaison.publicity.models import Article

    article = Article.objects.get(title="页面撰写")
    assert article.body == "<p>正文</p>"
    assert client.post(f"/publicity/manage/articles/{article.pk}/publish/").status_code == 302
    refused = client.post(f"/publicity/manage/articles/{article.pk}/withdraw/", {"reason": ""})
    assert refused.status_code == 400 and "撤回理由" in refused.content.decode()
    done = client.post(f"/publicity/manage/articles/{article.pk}/withdraw/", {"reason": "调整"})
    assert done.status_code == 302
    article.refresh_from_db()
    assert article.state == ArticleState.WITHDRAWN
    assert client.post(f"/publicity/manage/articles/{article.pk}/explode/").status_code == 404


def test_a_drafter_sees_no_publish_button_and_a_forced_post_is_refused(client, drafter):
    article = draft(drafter)
    client.force_login(drafter)
    page = client.get(f"/publicity/manage/articles/{article.pk}/").content.decode()
    assert 'data-testid="article-publish"' not in page
    response = client.post(f"/publicity/manage/articles/{article.pk}/publish/")
    assert response.status_code == 400 and "不能执行" in response.content.decode()
