"""The pages anyone can use without signing in: the complaint form (the portal links it) and the status
seen with the query code. An integrity complaint's status is only 已收到 / 办理中 / 已办结."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.complaints.forms import PublicComplaintForm, StatusForm
from liaison.complaints.models import BusinessState, Complaint, IntegrityState, Track
from liaison.complaints.services.common import code_hash
from liaison.complaints.services.lodge import TrackWordsFound, complaint_lodge
from liaison.core.errors import DomainError
from liaison.core.public_forms import throttle_public_submission

FIELDS = {
    "track",
    "subject_kind",
    "officer",
    "guide",
    "department",
    "project",
    "happened_on",
    "text",
    "name",
    "phone",
    "email",
    "anonymous",
}


@require_http_methods(["GET", "POST"])
def public_new(request: HttpRequest) -> HttpResponse:
    user = request.user if request.user.is_authenticated else None
    initial = {"name": user.display_name, "email": user.email} if user is not None else {}
    form = PublicComplaintForm(request.POST or None, user=user, initial=initial)
    words: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            throttle_public_submission(request, "complaints")
            lodged = complaint_lodge(
                actor=user,
                track=data["track"],
                subject_kind=data["subject_kind"],
                text=data["text"],
                officer_id=data["officer"],
                guide_id=data["guide"],
                department_id=data["department"],
                project_id=data["project"],
                happened_on=data["happened_on"],
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                anonymous=data["anonymous"],
                identity_consent=data["identity_consent"],
                confirm_track=data["confirm_track"],
                files=request.FILES.getlist("evidence"),
            )
        except TrackWordsFound as exc:
            words = list((exc.details or {}).get("words", []))
            form.add_error("track", str(exc.message))
        except DomainError as exc:
            form.add_error(exc.field if exc.field in FIELDS else None, str(exc.message))
        else:
            context = {"complaint": lodged.complaint, "code": lodged.query_code}
            return render(request, "complaints/public_done.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "complaints/public_new.html", {"form": form, "words": words}, status=status)


def public_status(complaint: Complaint) -> str:
    """The status the query code shows: the business track's state; on the integrity track only three."""
    if complaint.track == Track.INTEGRITY:
        if complaint.state == IntegrityState.CONCLUDED:
            return _("已办结")
        if complaint.state == IntegrityState.RECEIVED:
            return _("已收到")
        return _("办理中")
    return str(complaint.get_state_display())


@require_http_methods(["GET", "POST"])
def status_page(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST or None)
    found, status = None, 200
    if request.method == "POST":
        try:
            throttle_public_submission(request, "complaint_status")  # no guessing of query codes
        except DomainError as exc:
            form.add_error(None, str(exc.message))
            return render(request, "complaints/status.html", {"form": form}, status=429)
        if form.is_valid():
            found = Complaint.objects.filter(query_code_hash=code_hash(form.cleaned_data["code"])).first()
        if found is None:
            form.add_error(None, _("查询码不正确，请核对后重新输入。"))
            status = 400
    context = {
        "form": form,
        "found": found,
        "status": public_status(found) if found else "",
        "replied": bool(
            found and found.track == Track.BUSINESS and found.reply and found.state != BusinessState.RECEIVED
        ),
    }
    return render(request, "complaints/status.html", context, status=status)
