"""The centre sets each kind's warning and repeat days on one page; bad values are refused and nothing
is saved; other roles do not find the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.models import DeadlineSettings
from liaison.deadlines.services.settings import deadline_settings_update
from liaison.deadlines.settings import deadline_settings

pytestmark = pytest.mark.django_db
URL = "/deadlines/settings/"


def test_defaults_until_the_centre_saves_then_the_saved_values(center_admin):
    assert (deadline_settings("consultation.reply").warning_days, DeadlineSettings.objects.count()) == (1, 0)
    deadline_settings_update(actor=center_admin, kind="consultation.reply", warning_days=0, repeat_days=4)
    row = deadline_settings("consultation.reply")
    assert (row.warning_days, row.repeat_days, row.updated_by) == (0, 4, center_admin)
    assert AuditEvent.objects.filter(action="deadline_settings.update").count() == 1


@pytest.mark.parametrize(
    ("kind", "warning", "repeat", "field"),
    [
        ("tracking.item", 0, 3, "warning_days"),  # items need at least one day's warning
        ("consultation.reply", 31, 2, "warning_days"),
        ("coordination.action", 1, 0, "repeat_days"),
        ("coordination.difficulty", "2", 3, "warning_days"),
        ("tracking.obligation", True, 3, "warning_days"),
    ],
)
def test_values_outside_the_kinds_bounds_are_refused(center_admin, kind, warning, repeat, field):
    with pytest.raises(DomainError) as caught:
        deadline_settings_update(actor=center_admin, kind=kind, warning_days=warning, repeat_days=repeat)
    assert caught.value.field == field and "工作日" in str(caught.value.message)
    assert not DeadlineSettings.objects.exists()


def test_only_the_centre_changes_settings_and_unknown_kinds_are_not_found(officer_user, center_admin):
    with pytest.raises(PermissionDenied):
        deadline_settings_update(actor=officer_user, kind="tracking.item", warning_days=2, repeat_days=2)
    with pytest.raises(NotFound):
        deadline_settings_update(actor=center_admin, kind="no.such", warning_days=2, repeat_days=2)


def test_the_page_lists_every_kind_and_saves_one(client, center_admin):
    client.force_login(center_admin)
    html = client.get(URL).content.decode()
    for label in (
        "审批事项办理期限",
        "项目单位待办事项期限",
        "咨询答复期限",
        "难点问题处理期限",
        "督办事项完成时限",
    ):
        assert label in html
    saved = client.post(URL, {"kind": "coordination.action", "warning_days": "2", "repeat_days": "5"})
    assert saved.status_code == 302 and saved["Location"] == reverse("deadlines:settings")
    assert (
        deadline_settings("coordination.action").warning_days,
        deadline_settings("coordination.action").repeat_days,
    ) == (2, 5)


def test_the_page_shows_bad_input_beside_the_field_and_saves_nothing(client, center_admin):
    client.force_login(center_admin)
    bad = client.post(URL, {"kind": "tracking.item", "warning_days": "0", "repeat_days": "x"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "请填写整数（工作日）。" in html
    assert not DeadlineSettings.objects.exists()
    zero = client.post(URL, {"kind": "tracking.item", "warning_days": "0", "repeat_days": "3"})
    assert zero.status_code == 400 and "1 至 30" in zero.content.decode()
    assert client.post(URL, {"kind": "no.such", "warning_days": "1", "repeat_days": "1"}).status_code == 404


@pytest.mark.parametrize(
    "persona", ["officer_user", "guide_user", "applicant", "supervisor", "center_leader"]
)
def test_other_roles_do_not_find_the_page(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404
    assert (
        client.post(URL, {"kind": "tracking.item", "warning_days": "2", "repeat_days": "2"}).status_code
        == 404
    )
    assert not DeadlineSettings.objects.exists()
