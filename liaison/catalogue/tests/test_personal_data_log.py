"""Showing phones in full is logged (who, which page, which numbers by their masked form); masked views are not."""

# ruff: noqa: F811 - the shared fixture is imported by name and then requested as an argument

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import PersonalDataView
from liaison.catalogue.tests.test_roster import catalogue  # noqa: F401 - fixture
from liaison.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def test_centre_viewing_full_phones_is_logged_with_masked_references(
    client, catalogue, center_admin, guide_user
):
    client.login(username=center_admin.username, password=PASSWORD)
    assert client.get(reverse("catalogue:roster")).status_code == 200
    row = PersonalDataView.objects.get()
    assert row.user == center_admin and row.path == reverse("catalogue:roster") and row.count >= 1
    masked = f"{guide_user.mobile[:3]}****{guide_user.mobile[-4:]}"
    assert f"phone:{masked}" in row.subjects
    assert guide_user.mobile not in " ".join(row.subjects)


def test_masked_views_are_not_logged(client, catalogue, applicant):
    client.login(username=applicant.username, password=PASSWORD)
    assert client.get(reverse("catalogue:roster")).status_code == 200
    assert not PersonalDataView.objects.exists()


def test_the_log_is_for_the_security_admin_and_supervisors(
    client, request, catalogue, center_admin, supervisor
):
    security_admin, applicant = (
        request.getfixturevalue("security_admin"),
        request.getfixturevalue("applicant"),
    )
    client.login(username=center_admin.username, password=PASSWORD)
    client.get(reverse("catalogue:roster"))
    for reader in (security_admin, supervisor):
        client.login(username=reader.username, password=PASSWORD)
        page = client.get(reverse("audit:personal_data_views"))
        assert page.status_code == 200 and reverse("catalogue:roster") in page.content.decode()
    for other in (applicant, center_admin):  # 三员分立: the centre no longer reads who saw personal data
        client.login(username=other.username, password=PASSWORD)
        assert client.get(reverse("audit:personal_data_views")).status_code == 404
