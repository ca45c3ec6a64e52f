"""The public pages anyone reads without signing in: home, the service (with the self-check), the process,
the approval-item guides and the rules. Thin: selectors and the cache do the work."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.portal.limits import promised_limits
from liaison.portal.process import process_diagrams
from liaison.portal.rules_sources import rule_sources
from liaison.portal.selectors.documents import access_published_version
from liaison.portal.selectors.guides import access_public_item, guide_stages
from liaison.portal.selfcheck import SelfCheckForm, self_check
from liaison.portal.views.common import cached_fragment, entry_points, public_page
from liaison.portal.views.statistics import cached_statistics

SELF_CHECK_TEMPLATE = "portal/includes/selfcheck.html"
CARE_COOKIE = "care_mode"
CARE_COOKIE_AGE = 365 * 24 * 3600


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return public_page(
        request,
        name="home",
        fragment="portal/fragments/home.html",
        source=cached_statistics,
        build=lambda stats: {"stats": stats.value, "links": entry_points(), "as_of": stats.as_of},
        title=_("政务服务联络官服务"),
    )


@require_GET
def service(request: HttpRequest) -> HttpResponse:
    """What the service is, who may use it (with the Art. 8 self-check), how to apply. The empty form is
    cached with the page; an answered one is evaluated for this request only."""
    extra: dict[str, Any]
    if request.GET:
        form = SelfCheckForm(request.GET)
        check = self_check(form.cleaned_data) if form.is_valid() else None
        extra = {"extra_template": SELF_CHECK_TEMPLATE, "form": form, "check": check}
    else:
        blank = cached_fragment("self_check_form", SELF_CHECK_TEMPLATE, lambda: {"form": SelfCheckForm()})
        extra = {"extra_html": blank.value}
    return public_page(
        request,
        name="service",
        fragment="portal/fragments/service.html",
        build=lambda: {"links": entry_points()},
        title=_("服务介绍与自助预检"),
        crumbs=[(_("服务介绍"), "")],
        extra=extra,
    )


@require_GET
def process(request: HttpRequest) -> HttpResponse:
    return public_page(
        request,
        name="process",
        fragment="portal/fragments/process.html",
        build=lambda: {"diagrams": process_diagrams(), "limits": list(promised_limits().values())},
        title=_("办事流程"),
        crumbs=[(_("办事流程"), "")],
    )


@require_GET
def guides(request: HttpRequest) -> HttpResponse:
    return public_page(
        request,
        name="guides",
        fragment="portal/fragments/guides.html",
        build=lambda: {"stages": guide_stages()},
        title=_("办事指南"),
        crumbs=[(_("办事指南"), "")],
    )


@require_GET
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    def build() -> dict[str, Any]:
        return {"item": access_public_item(pk)}

    return public_page(
        request,
        name=f"guide:{pk}",
        fragment="portal/fragments/guide.html",
        build=build,
        title=_("办事指南"),
        crumbs=[(_("办事指南"), reverse("portal:guides")), (_("事项详情"), "")],
    )


@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    return public_page(
        request,
        name="rules",
        fragment="portal/fragments/rules.html",
        build=lambda: {"sources": rule_sources()},
        title=_("规章制度"),
        crumbs=[(_("规章制度"), "")],
    )


@require_GET
def document(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    def build() -> dict[str, Any]:
        version = access_published_version(slug, number)
        current = access_published_version(slug)
        return {"version": version, "current": current}

    return public_page(
        request,
        name=f"document:{slug}:{number or 'current'}",
        fragment="portal/fragments/document.html",
        build=build,
        title=_("规章制度"),
        crumbs=[(_("规章制度"), reverse("portal:rules")), (_("文件"), "")],
    )


@require_GET
def care_mode(request: HttpRequest) -> HttpResponse:
    """Switch the larger-text, higher-contrast mode (适老化) on or off; kept in a cookie across pages."""
    target = request.GET.get("next") or reverse("portal:home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "1":
        response.set_cookie(CARE_COOKIE, "1", max_age=CARE_COOKIE_AGE, samesite="Lax")
    else:
        response.delete_cookie(CARE_COOKIE, samesite="Lax")
    return response
