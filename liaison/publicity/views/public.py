"""The pages anyone reads: the article list and page, the FAQ, and the images of published articles."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from liaison.core.listing import keyword
from liaison.core.paging import paginate, querystring_without_page
from liaison.publicity.models import ArticleKind, EnquiryTopic
from liaison.publicity.richtext import clean_html
from liaison.publicity.selectors.articles import access_image, access_public_article, article_public_list
from liaison.publicity.selectors.enquiries import faq_public_list
from liaison.publicity.views.common import get_or_404


@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in ArticleKind.values else ""
    q = keyword(request)
    page = paginate(request, article_public_list(kind=kind, q=q), per_page=10)
    context = {
        "page_obj": page,
        "kind": kind,
        "kinds": ArticleKind.choices,
        "q": q,
        "filter_query": querystring_without_page(request),
    }
    return render(request, "publicity/article_list.html", context)


@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_or_404(lambda: access_public_article(pk))
    context = {"article": article, "body": clean_html(article.body), "preview": False}
    return render(request, "publicity/article_detail.html", context)


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    topic = request.GET.get("topic", "")
    topic = topic if topic in EnquiryTopic.values else ""
    q = keyword(request)
    rows = list(faq_public_list(topic=topic, q=q)[:300])
    labels = dict(EnquiryTopic.choices)
    groups: dict[str, list[object]] = {}
    for row in rows:
        groups.setdefault(row.topic, []).append(row)
    context = {
        "groups": [(labels[t], items) for t, items in groups.items()],
        "topic": topic,
        "topics": EnquiryTopic.choices,
        "q": q,
        "count": len(rows),
    }
    return render(request, "publicity/faq.html", context)


@require_GET
def image(request: HttpRequest, pk: int) -> FileResponse:
    img = get_or_404(lambda: access_image(request.user, pk))
    response = FileResponse(img.file.open("rb"), content_type=img.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if img.article.is_public else "private, no-store"
    return response
