"""The officer registry (联络官登记表) as an .xlsx workbook that opens in WPS and Excel."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from liaison.core.xlsx import table_workbook
from liaison.officers.models import Officer
from liaison.officers.presentation import officer_phone

COLUMN_WIDTHS = (6, 16, 12, 28, 15, 26, 10, 30, 14, 30)
HEADER_ROW = 3
PHONE_COLUMN = 4  # kept as text: a leading zero or a masked 138****1234 is not a number


def officer_workbook(*, viewer: Any, officers: Iterable[Officer], generated_on: datetime.date) -> bytes:
    """One sheet: a title, the generation date, a header row and one row per officer."""
    headers = [
        _("序号"),
        _("联络官编号"),
        _("姓名"),
        _("工作单位"),
        _("手机号码"),
        _("电子邮箱"),
        _("状态"),
        _("状态说明"),
        _("登记备案日期"),
        _("备注"),
    ]
    rows = (
        [
            index,
            officer.number,
            officer.user.display_name,
            officer.unit,
            officer_phone(viewer, officer),
            officer.user.email,
            officer.get_status_display(),
            officer.status_reason,
            officer.registered_on,
            officer.notes,
        ]
        for index, officer in enumerate(officers, start=1)
    )
    return table_workbook(
        sheet=_("联络官登记表"),
        title=_("%(region)s政务服务联络官登记表") % {"region": settings.REGION_NAME},
        subtitle=_("%(centre)s　导出日期：%(date)s")
        % {"centre": settings.CENTRE_NAME, "date": generated_on.isoformat()},
        headers=headers,
        rows=rows,
        widths=COLUMN_WIDTHS,
        text_columns=(PHONE_COLUMN,),
    )
