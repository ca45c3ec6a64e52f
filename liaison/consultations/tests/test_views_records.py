"""The supervision pages: guides' and departments' records, the centre's open overview, and the settings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.consultations.models import Consultation, ConsultationSettings
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.tests.builders import reply_form

pytestmark = pytest.mark.django_db


def _html(client, user, url: str) -> tuple[int, str]:
    client.force_login(user)
    response = client.get(url)
    return response.status_code, response.content.decode()


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


def _overdue(c: Consultation) -> Consultation:
    Consultation.objects.filter(pk=c.pk).update(reply_due=timezone.localdate() - dt.timedelta(days=3))
    return c


# Records and settings ----------------------------------------------------------------------------


def test_the_centre_sees_records_and_the_open_overview(client, desk, world):
    _overdue(desk.raise_())
    answered = desk.raise_()
    consultation_reply(actor=desk.guide, consultation=answered, form=reply_form())
    consultation_forward(actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="转")
    status, html = _html(client, world.center_admin, reverse("consultations:records"))
    assert status == 200
    assert 'data-testid="open-overview"' in html and 'data-testid="open-chart"' in html
    assert desk.guide.full_name in html and desk.other_guide.full_name in html
    assert "100.0%" in html  # the one first reply was on time


def test_a_department_admin_sees_their_department_only(client, desk, world):
    desk.raise_()
    consultation_forward(actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="转")
    status, html = _html(client, desk.other_department_admin, reverse("consultations:records"))
    assert status == 200
    assert desk.other_guide.full_name in html and desk.guide.full_name not in html
    assert 'data-testid="open-overview"' not in html


def test_a_guide_sees_their_own_line_only(client, desk, world):
    desk.raise_()
    consultation_forward(actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="转")
    status, html = _html(client, desk.guide, reverse("consultations:records"))
    assert status == 200
    assert 'data-testid="guide-records"' in html
    assert desk.guide.full_name in html and desk.other_guide.full_name not in html
    assert 'data-testid="department-records"' not in html and 'data-testid="open-overview"' not in html


def test_the_project_office_reads_the_whole_district_like_the_api(client, desk, world):
    desk.raise_()
    consultation_forward(actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="转")
    status, html = _html(client, world.project_office, reverse("consultations:records"))
    assert status == 200
    assert 'data-testid="open-overview"' in html and desk.other_guide.full_name in html
    api = client.get("/api/v1/consultations/records/guides")
    assert api.status_code == 200
    assert {row["name"] for row in api.json()} >= {desk.guide.full_name, desk.other_guide.full_name}


@pytest.mark.parametrize("who", ["officer_user", "applicant"])
def test_records_are_not_found_for_others(client, desk, world, who):
    assert _html(client, world.persona(who), reverse("consultations:records"))[0] == 404


def test_the_centre_changes_the_reply_period(client, world, desk):
    url = reverse("consultations:settings")
    client.force_login(world.center_admin)
    response = client.post(
        url, {"reply_days": 3, "yellow_threshold_days": 1, "overdue_repeat_days": 2}, follow=True
    )
    assert "已保存" in _messages(response)
    assert ConsultationSettings.objects.get(pk=1).reply_days == 3


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reply_days": 2, "yellow_threshold_days": 2, "overdue_repeat_days": 2}, "yellow_threshold_days"),
        ({"reply_days": 0, "yellow_threshold_days": 0, "overdue_repeat_days": 2}, "reply_days"),
        ({"reply_days": "两", "yellow_threshold_days": 1, "overdue_repeat_days": 2}, "reply_days"),
    ],
)
def test_bad_settings_are_refused_on_their_field(client, world, desk, data, field):
    client.force_login(world.center_admin)
    response = client.post(reverse("consultations:settings"), data)
    assert response.status_code == 200 and response.context["form"].errors[field]
    row = ConsultationSettings.objects.get(pk=1)
    assert (row.reply_days, row.yellow_threshold_days) == (2, 1)


@pytest.mark.parametrize("who", ["center_leader", "officer_user", "supervisor"])
def test_settings_are_the_centre_admins(client, world, desk, who):
    assert _html(client, world.persona(who), reverse("consultations:settings"))[0] == 404
