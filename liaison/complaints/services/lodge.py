"""Lodging a complaint (the enterprise signed in, or anyone through the public form). Everything is checked
before anything is saved; the query code is returned once and only its hash is kept. On the integrity
track the content and the identity are sealed at once (crypto.py) and the plain columns stay empty."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.complaints.crypto import seal, seal_bytes
from liaison.complaints.models import BusinessState, Complaint, Evidence, IntegrityState, SubjectKind, Track
from liaison.complaints.services.common import code_hash, due_after, record, tell
from liaison.complaints.settings_row import complaint_settings
from liaison.complaints.wording import integrity_words_in
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError
from liaison.core.uploads import check_upload
from liaison.directory.models import Department, User
from liaison.directory.people import centre_admins, users_with_roles
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.officers.models import Officer
from liaison.tracking.services.common import clean_text

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_FILES = 5
PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class TrackWordsFound(DomainError):
    """A business complaint whose text uses integrity words: the complainant confirms or switches."""


@dataclass(frozen=True)
class Lodged:
    complaint: Complaint
    query_code: str  # shown once


@dataclass
class _Subject:
    kind: str
    officer: Officer | None = None
    guide: User | None = None
    department: Department | None = None


def _subject(kind: Any, officer_id: Any, guide_id: Any, department_id: Any) -> _Subject:
    if kind not in SubjectKind.values:
        raise DomainError(_("请选择投诉对象。"), field="subject_kind")
    s = _Subject(kind)
    if kind == SubjectKind.OFFICER:
        s.officer = Officer.objects.filter(pk=id_or_none(officer_id) or 0).select_related("user").first()
        if s.officer is None:
            raise DomainError(_("请选择被投诉的联络官。"), field="officer")
    elif kind == SubjectKind.GUIDE:
        s.guide = (
            User.objects.filter(pk=id_or_none(guide_id) or 0, memberships__role=Role.GUIDE, is_active=True)
            .select_related("department")
            .first()
        )
        if s.guide is None:
            raise DomainError(_("请选择被投诉的专职指导员。"), field="guide")
        s.department = s.guide.department
    elif kind == SubjectKind.DEPARTMENT:
        s.department = Department.objects.filter(pk=id_or_none(department_id) or 0, is_active=True).first()
        if s.department is None:
            raise DomainError(_("请选择被投诉的部门。"), field="department")
    return s


def _project(actor: Any, project_id: Any) -> Project | None:
    if project_id in (None, ""):
        return None
    enterprise_id = getattr(actor, "enterprise_id", None)
    pk = id_or_none(project_id)
    project = (
        Project.objects.filter(pk=pk or 0, enterprise_id=enterprise_id).first() if enterprise_id else None
    )
    if project is None:
        raise DomainError(_("所选项目不存在或不属于您的单位。"), field="project")
    return project


def _happened(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise DomainError(_("发生时间格式不正确。"), field="happened_on") from exc
    if day > timezone.localdate():
        raise DomainError(_("发生时间不能晚于今天。"), field="happened_on")
    return day


def _contact(track: str, anonymous: bool, name: Any, phone: Any, email: Any) -> tuple[str, str, str]:
    name = clean_text(name, field="name", label=_("投诉人姓名"), required=False, limit=60)
    phone = clean_text(phone, field="phone", label=_("联系电话"), required=False, limit=20)
    email = clean_text(email, field="email", label=_("电子邮箱"), required=False, limit=200)
    if anonymous:
        if track == Track.BUSINESS:
            raise DomainError(
                _("业务问题投诉需要留下姓名和联系方式以便答复；只有廉政作风问题可以匿名。"), field="anonymous"
            )
        return "", "", ""
    if not name:
        raise DomainError(_("请填写投诉人姓名（廉政作风问题可选择匿名）。"), field="name")
    if not phone and not email:
        raise DomainError(_("请至少留下一种联系方式（电话或电子邮箱），以便答复。"), field="phone")
    if phone and not PHONE.match(phone):
        raise DomainError(_("联系电话格式不正确。"), field="phone")
    if email and not EMAIL.match(email):
        raise DomainError(_("电子邮箱格式不正确。"), field="email")
    return name, phone, email


def _files(files: list[Any] | None) -> list[tuple[Any, Any]]:
    files = [f for f in files or [] if f]
    if len(files) > MAX_FILES:
        raise DomainError(_("证据材料最多上传 %(n)d 个文件。") % {"n": MAX_FILES}, field="evidence")
    return [(f, check_upload(f)) for f in files]


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(12))


def evidence_add(complaint: Complaint, upload: Any, checked: Any) -> Evidence:
    """Store one evidence file encrypted; its name plain (business) or sealed (integrity)."""
    upload.seek(0)
    data = upload.read()
    name = str(getattr(upload, "name", "") or "evidence")[-200:]
    integrity = complaint.track == Track.INTEGRITY
    evidence = Evidence(
        complaint=complaint,
        token=secrets.token_hex(16),
        name="" if integrity else name,
        sealed_name=seal({"name": name}) if integrity else "",
        content_type=checked.content_type,
        size=checked.size,
    )
    evidence.blob.save(f"{evidence.token}.bin", ContentFile(seal_bytes(data)), save=False)
    evidence.save()
    return evidence


def complaint_lodge(
    *,
    actor: Any,
    track: Any,
    subject_kind: Any,
    text: Any,
    officer_id: Any = None,
    guide_id: Any = None,
    department_id: Any = None,
    project_id: Any = None,
    happened_on: Any = None,
    name: Any = "",
    phone: Any = "",
    email: Any = "",
    anonymous: bool = False,
    identity_consent: bool = False,
    confirm_track: bool = False,
    files: list[Any] | None = None,
) -> Lodged:
    """A new complaint; `actor` is the signed-in enterprise account or None (the public form)."""
    if track not in Track.values:
        raise DomainError(_("请选择投诉类型（业务问题或廉政作风问题）。"), field="track")
    signed_in = actor if getattr(actor, "is_authenticated", False) else None
    subject = _subject(subject_kind, officer_id, guide_id, department_id)
    project = _project(signed_in, project_id)
    text = clean_text(text, field="text", label=_("投诉内容"), required=True, limit=5000)
    happened = _happened(happened_on)
    anonymous = bool(anonymous)
    name, phone, email = _contact(track, anonymous, name, phone, email)
    words = integrity_words_in(text) if track == Track.BUSINESS else []
    if words and not confirm_track:
        raise TrackWordsFound(
            _(
                "投诉内容含有“%(w)s”等字样，可能属于廉政作风问题（由纪检监察部门办理）。"
                "请确认按业务问题投诉，或改选廉政作风问题。"
            )
            % {"w": "、".join(words[:5])},
            field="track",
            details={"words": words},
        )
    checked = _files(files)
    settings_row = complaint_settings()
    code = _new_code()
    now = timezone.now()
    with transaction.atomic():
        complaint = Complaint(
            track=track,
            subject_kind=subject.kind,
            officer=subject.officer,
            guide=subject.guide,
            department=subject.department,
            project=project,
            anonymous=anonymous,
            identity_consent=bool(identity_consent) and not anonymous,
            wording_confirmed=bool(words),
            query_code_hash=code_hash(code),
            received_at=now,
        )
        if track == Track.BUSINESS:
            complaint.state = BusinessState.RECEIVED
            complaint.text, complaint.happened_on = text, happened
            complaint.complainant_name, complaint.complainant_phone = name, phone
            complaint.complainant_email, complaint.complainant_user = email, signed_in
            complaint.reply_due = complaint.due_on = due_after(settings_row.reply_days)
        else:
            complaint.state = IntegrityState.RECEIVED
            complaint.sealed = seal(
                {
                    "text": text,
                    "happened_on": happened.isoformat() if happened else "",
                    "name": name,
                    "phone": phone,
                    "email": email,
                    "user_id": signed_in.pk if signed_in else None,
                }
            )
            complaint.registration_due = complaint.due_on = due_after(settings_row.registration_days)
        complaint.save()
        complaint.number = f"TS{timezone.localdate():%Y}{complaint.pk:06d}"
        complaint.save(update_fields=["number"])
        for upload, check in checked:
            evidence_add(complaint, upload, check)
        record(complaint, "lodge", actor=signed_in)
        if track == Track.BUSINESS:
            tell(
                centre_admins(),
                complaint,
                "lodged",
                _("收到业务投诉 %(n)s，请登记。") % {"n": complaint.number},
            )
        else:
            tell(
                users_with_roles(Role.SUPERVISOR),
                complaint,
                "lodged",
                _("收到廉政作风投诉 %(n)s，请登记。") % {"n": complaint.number},
            )
    return Lodged(complaint, code)
