from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from liaison.core.paging import paginate, querystring_without_page
from liaison.notifications.selectors.notifications import notification_list
from liaison.notifications.services.notify import notification_mark_read


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    page_obj = paginate(request, notification_list(user=request.user, unread_only=unread_only))
    return render(
        request,
        "notifications/list.html",
        {"page_obj": page_obj, "unread_only": unread_only, "filter_query": querystring_without_page(request)},
    )


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    raw_ids = request.POST.getlist("id")
    ids = [int(i) for i in raw_ids if i.isdigit()] if raw_ids else None
    notification_mark_read(user=request.user, notification_ids=ids)
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/notifications/"  # never bounce to another site (open redirect)
    return HttpResponseRedirect(target)
