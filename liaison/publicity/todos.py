"""What waits on the centre in publicity, for the 待办 card and the sidebar (liaison.directory.todos)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo
from liaison.publicity.models import Enquiry, EnquiryState


def enquiries_waiting(user: Any) -> Any:
    return Enquiry.objects.filter(state=EnquiryState.OPEN)


register_todo(
    TodoSource(
        "publicity.enquiries",
        _("待答复咨询"),
        "publicity:enquiries",
        frozenset({Role.CENTER_ADMIN}),
        enquiries_waiting,
        query="?state=open",
        order=90,
    )
)
