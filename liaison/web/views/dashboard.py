from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from liaison.directory.http import AuthedHttpRequest
from liaison.web.selectors import dashboard_summary


def dashboard(request: AuthedHttpRequest) -> HttpResponse:
    """工作台: counts for everyone, the centre's overview for centre roles, the 待办 for officers and guides.
    An anonymous visitor lands on the public portal instead."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("portal:home"))
    summary = dashboard_summary(user=request.user)
    return render(request, "web/dashboard.html", {"summary": summary})
