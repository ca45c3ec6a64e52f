"""Reading the personal-data access log: the security administrator and the supervisors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.audit.models import PersonalDataView
from liaison.audit.policies import can_view_personal_data_log
from liaison.core.errors import NotFound


def personal_data_view_list(
    *, user: Any, viewer_id: int | None = None, day: dt.date | None = None
) -> QuerySet[PersonalDataView]:
    if not can_view_personal_data_log(user):
        raise NotFound(_("页面不存在。"))
    qs = PersonalDataView.objects.select_related("user").order_by("-at", "-id")
    if viewer_id:
        qs = qs.filter(user_id=viewer_id)
    if day:
        qs = qs.filter(at__date=day)
    return qs
