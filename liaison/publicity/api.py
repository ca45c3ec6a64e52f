"""/api/v1/publicity (list filters are plain strings: @paginate hides Literal annotations from ninja): the public reads (published articles, FAQs; no sign-in) and the centre's actions,
through the same services and selectors as the pages. Hidden or missing rows answer 404, a step the
caller may not take 403, a refusal 400."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination
from liaison.directory.masking import phone_for
from liaison.publicity.api_schemas import (
    PublicityAnswerIn,
    PublicityArticleIn,
    PublicityArticleOut,
    PublicityCloseIn,
    PublicityEnquiryOut,
    PublicityFaqIn,
    PublicityFaqOut,
    PublicityWithdrawIn,
)
from liaison.publicity.models import Article, Faq
from liaison.publicity.richtext import clean_html
from liaison.publicity.selectors.articles import access_article, access_public_article, article_public_list
from liaison.publicity.selectors.enquiries import access_enquiry, enquiry_list, faq_public_list
from liaison.publicity.services import articles, enquiries, faqs

router = Router(tags=["publicity"])


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.pk,
        "kind": a.kind,
        "title": a.title,
        "summary": a.summary,
        "body": clean_html(a.body),
        "state": a.state,
        "published_at": a.published_at,
        "is_sample": a.is_sample,
    }


def _faq(f: Faq) -> dict[str, Any]:
    return {
        "id": f.pk,
        "topic": f.topic,
        "topic_label": str(f.get_topic_display()),
        "question": f.question,
        "answer": f.answer,
        "published_at": f.published_at,
        "is_sample": f.is_sample,
    }


@router.get("/articles", response=list[PublicityArticleOut], auth=None, summary="Published articles")
@paginate(ApiPagination)
def list_articles(request: HttpRequest, kind: str = Query("", max_length=10)) -> Any:
    return [_article(a) for a in article_public_list(kind=kind)[:500]]


@router.get(
    "/articles/{article_id}", response=PublicityArticleOut, auth=None, summary="One published article"
)
def get_article(request: HttpRequest, article_id: Id) -> Any:
    return _article(access_public_article(article_id))


@router.get("/faqs", response=list[PublicityFaqOut], auth=None, summary="Published FAQs")
@paginate(ApiPagination)
def list_faqs(
    request: HttpRequest,
    topic: str = Query("", max_length=10),
    q: str = Query("", max_length=100),
) -> Any:
    return [_faq(f) for f in faq_public_list(topic=topic, q=q)[:500]]


@router.post("/manage/articles", response={201: PublicityArticleOut}, summary="Draft an article")
def create_article(request: HttpRequest, payload: PublicityArticleIn) -> Any:
    return 201, _article(articles.article_create(actor=request.user, **payload.dict()))


@router.get("/manage/articles/{article_id}", response=PublicityArticleOut, summary="An article in any state")
def get_managed_article(request: HttpRequest, article_id: Id) -> Any:
    return _article(access_article(request.user, article_id))


@router.put("/manage/articles/{article_id}", response=PublicityArticleOut, summary="Change a draft")
def update_article(request: HttpRequest, article_id: Id, payload: PublicityArticleIn) -> Any:
    return _article(articles.article_update(actor=request.user, article_id=article_id, **payload.dict()))


@router.post("/manage/articles/{article_id}/publish", response=PublicityArticleOut, summary="Publish")
def publish_article(request: HttpRequest, article_id: Id) -> Any:
    return _article(articles.article_publish(actor=request.user, article_id=article_id))


@router.post("/manage/articles/{article_id}/withdraw", response=PublicityArticleOut, summary="Withdraw")
def withdraw_article(request: HttpRequest, article_id: Id, payload: PublicityWithdrawIn) -> Any:
    return _article(
        articles.article_withdraw(actor=request.user, article_id=article_id, reason=payload.reason)
    )


def _enquiry(user: Any, enquiry_id: int) -> dict[str, Any]:
    panel = access_enquiry(user, enquiry_id)
    e = panel.enquiry
    return {
        "id": e.pk,
        "code": e.code,
        "name": e.name,
        "phone": phone_for(user, e.phone),
        "email": e.email,
        "topic": e.topic,
        "question": e.question,
        "state": e.state,
        "due_on": e.due_on,
        "light": panel.light,
        "answer": e.answer,
        "actions": [t.name for t in panel.actions] + (["faq"] if panel.can_publish_faq else []),
    }


@router.get("/enquiries", response=list[PublicityEnquiryOut], summary="Enquiries (the centre)")
@paginate(ApiPagination)
def list_enquiries(request: HttpRequest, state: str = Query("", max_length=10)) -> Any:
    user = request.user
    return [
        {
            "id": e.pk,
            "code": e.code,
            "name": e.name,
            "phone": phone_for(user, e.phone),
            "email": e.email,
            "topic": e.topic,
            "question": e.question,
            "state": e.state,
            "due_on": e.due_on,
            "light": getattr(e, "light", "none"),
            "answer": e.answer,
            "actions": [],
        }
        for e in enquiry_list(user, state=state)
    ]


@router.get("/enquiries/{enquiry_id}", response=PublicityEnquiryOut, summary="One enquiry")
def get_enquiry(request: HttpRequest, enquiry_id: Id) -> Any:
    return _enquiry(request.user, enquiry_id)


@router.post("/enquiries/{enquiry_id}/answer", response=PublicityEnquiryOut, summary="Answer an enquiry")
def answer_enquiry(request: HttpRequest, enquiry_id: Id, payload: PublicityAnswerIn) -> Any:
    enquiries.enquiry_answer(actor=request.user, enquiry_id=enquiry_id, answer=payload.answer)
    return _enquiry(request.user, enquiry_id)


@router.post("/enquiries/{enquiry_id}/close", response=PublicityEnquiryOut, summary="Close unanswered")
def close_enquiry(request: HttpRequest, enquiry_id: Id, payload: PublicityCloseIn) -> Any:
    enquiries.enquiry_close(actor=request.user, enquiry_id=enquiry_id, reason=payload.reason)
    return _enquiry(request.user, enquiry_id)


@router.post("/enquiries/{enquiry_id}/faq", response={201: PublicityFaqOut}, summary="Publish as a FAQ")
def publish_faq(request: HttpRequest, enquiry_id: Id, payload: PublicityFaqIn) -> Any:
    return 201, _faq(faqs.faq_publish(actor=request.user, enquiry_id=enquiry_id, **payload.dict()))
