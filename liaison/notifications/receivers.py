"""The notifications the lowest layer asks for through its signals (core cannot import this app)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.core.models import ExportState
from liaison.notifications.services.notify import notification_send


def export_finished_notify(sender: Any, *, job: Any, **kwargs: Any) -> None:
    """Tell the user their background export is ready (or why it failed), linking to 我的导出."""
    done = job.state == ExportState.DONE
    title = (_("导出已完成：%(name)s") if done else _("导出失败：%(name)s")) % {"name": job.name}
    body = _("共 %(n)s 条，请在“我的导出”下载。") % {"n": job.rows_done} if done else job.failure_text
    notification_send(
        recipients=[job.user],
        kind="export",
        event_key=f"export:{job.pk}:{job.state}",
        title=title,
        body=body,
        url=reverse("exports:list"),
    )
