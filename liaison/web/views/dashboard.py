from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from liaison.directory.http import AuthedHttpRequest
from liaison.web.selectors import dashboard_summary


@login_required
def dashboard(request: AuthedHttpRequest) -> HttpResponse:
    """工作台: counts for everyone, the centre's overview for centre roles, the 待办 for officers and guides."""
    summary = dashboard_summary(user=request.user)
    return render(request, "web/dashboard.html", {"summary": summary})
