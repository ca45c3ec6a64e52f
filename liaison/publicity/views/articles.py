"""The centre's article pages: the list, writing and changing a draft, uploading its images, the preview,
publishing and withdrawing (the editor's)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.publicity.exports import ARTICLE_EXPORT
from liaison.publicity.forms import ArticleForm, ImageForm, WithdrawForm
from liaison.publicity.models import Article, ArticleState
from liaison.publicity.policies import article_roles, can_edit_articles, can_publish_article
from liaison.publicity.richtext import clean_html
from liaison.publicity.selectors.articles import access_article, article_manage_list
from liaison.publicity.services.articles import (
    article_create,
    article_publish,
    article_update,
    article_withdraw,
)
from liaison.publicity.services.images import article_image_upload, image_url
from liaison.publicity.views.common import attempt, get_or_404
from liaison.publicity.workflows import ARTICLE_WORKFLOW


def _edit_url(article: Article) -> str:
    return reverse("publicity:article_edit", args=[article.pk])


@login_required
@require_GET
def article_manage(request: AuthedHttpRequest) -> HttpResponse:
    if not can_edit_articles(request.user):
        raise Http404
    state = request.GET.get("state", "")
    state = state if state in ArticleState.values else ""
    rows = article_manage_list(request.user, state=state, q=keyword(request))
    if wants_export(request):
        return export_response(ARTICLE_EXPORT, rows, request=request)
    page = paginate(request, rows)
    context = {
        "page_obj": page,
        "state": state,
        "states": ArticleState.choices,
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
        "can_publish": can_publish_article(request.user),
    }
    return render(request, "publicity/manage_articles.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def article_new(request: AuthedHttpRequest) -> HttpResponse:
    if not can_edit_articles(request.user):
        raise Http404
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article = attempt(form, lambda: article_create(actor=request.user, **form.cleaned_data))
        if article is not None:
            messages.success(request, _("草稿已保存，可以上传图片、预览后发布。"))
            return HttpResponseRedirect(_edit_url(article))
    status = 400 if request.method == "POST" else 200
    return render(request, "publicity/article_form.html", {"form": form, "article": None}, status=status)


def _edit_context(request: AuthedHttpRequest, article: Article, **forms: object) -> dict[str, object]:
    roles = article_roles(request.user)
    return {
        "article": article,
        "form": forms.get("form")
        or ArticleForm(
            initial={
                "kind": article.kind,
                "title": article.title,
                "summary": article.summary,
                "body": article.body,
            }
        ),
        "image_form": forms.get("image_form") or ImageForm(),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
        "images": [(img, image_url(img)) for img in article.images.all()],
        "actions": [t.name for t in ARTICLE_WORKFLOW.available(article.state, roles)],
        "editable": article.state != ArticleState.PUBLISHED,
        "can_publish": can_publish_article(request.user),
    }


@login_required
@require_http_methods(["GET", "POST"])
def article_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    article = get_or_404(lambda: access_article(request.user, pk))
    if request.method == "POST":
        form = ArticleForm(request.POST)
        if form.is_valid() and attempt(
            form, lambda: article_update(actor=request.user, article_id=pk, **form.cleaned_data)
        ):
            messages.success(request, _("已保存。"))
            return HttpResponseRedirect(_edit_url(article))
        return render(
            request, "publicity/article_edit.html", _edit_context(request, article, form=form), status=400
        )
    return render(request, "publicity/article_edit.html", _edit_context(request, article))


@login_required
@require_POST
def article_image(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    article = get_or_404(lambda: access_article(request.user, pk))
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        image = attempt(
            form,
            lambda: article_image_upload(
                actor=request.user,
                article_id=pk,
                upload=form.cleaned_data["image"],
                alt=form.cleaned_data["alt"],
            ),
        )
        if image is not None:
            messages.success(request, _("图片已上传，可用“插入图片”放进正文。"))
            return HttpResponseRedirect(_edit_url(article))
    return render(
        request, "publicity/article_edit.html", _edit_context(request, article, image_form=form), status=400
    )


@login_required
@require_POST
def article_step(request: AuthedHttpRequest, pk: int, step: str) -> HttpResponse:
    article = get_or_404(lambda: access_article(request.user, pk))
    form = WithdrawForm(request.POST if step == "withdraw" else {"reason": "-"})
    runs = {
        "publish": lambda: article_publish(actor=request.user, article_id=pk),
        "withdraw": lambda: article_withdraw(
            actor=request.user, article_id=pk, reason=request.POST.get("reason", "")
        ),
    }
    if step not in runs:
        raise Http404
    done = attempt(form, runs[step])
    if done is not None:
        messages.success(request, _("报道已发布。") if step == "publish" else _("报道已撤回。"))
        return HttpResponseRedirect(_edit_url(article))
    article.refresh_from_db()
    if step == "withdraw":
        return render(
            request,
            "publicity/article_edit.html",
            _edit_context(request, article, withdraw_form=form),
            status=400,
        )
    for error in form.non_field_errors():
        messages.error(request, str(error))
    return render(request, "publicity/article_edit.html", _edit_context(request, article), status=400)


@login_required
@require_GET
def article_preview(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """The article as the public will see it, in any state, for the centre only."""
    article = get_or_404(lambda: access_article(request.user, pk))
    context = {"article": article, "body": clean_html(article.body), "preview": True}
    return render(request, "publicity/article_detail.html", context)
