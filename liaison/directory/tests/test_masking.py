"""Who sees phone numbers in full: the centre, supervisors, and the owner of the number."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from liaison.directory.masking import phone_for, sees_full_contacts

pytestmark = pytest.mark.django_db
PHONE = "13900002222"


@pytest.mark.parametrize("persona", ["center_admin", "center_leader", "supervisor"])
def test_the_centre_and_supervisors_see_phones_in_full(request, persona, guide_user):
    viewer = request.getfixturevalue(persona)
    assert sees_full_contacts(viewer)
    assert phone_for(viewer, PHONE, owner=guide_user) == PHONE


@pytest.mark.parametrize(
    "persona", ["officer_user", "dept_admin", "applicant", "project_office", "second_guide"]
)
def test_other_roles_see_masked_phones(request, persona, guide_user):
    viewer = request.getfixturevalue(persona)
    assert not sees_full_contacts(viewer)
    assert phone_for(viewer, PHONE, owner=guide_user) == "139****2222"
    assert phone_for(viewer, PHONE) == "139****2222"


def test_owners_see_their_own_phone(guide_user):
    assert phone_for(guide_user, PHONE, owner=guide_user) == PHONE


def test_anonymous_visitors_see_masked_phones(guide_user):
    assert phone_for(AnonymousUser(), PHONE, owner=guide_user) == "139****2222"


def test_no_phone_is_shown_as_empty(center_admin, officer_user):
    assert phone_for(center_admin, "") == ""
    assert phone_for(officer_user, None) == ""
