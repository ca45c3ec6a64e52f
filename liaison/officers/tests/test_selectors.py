"""Who reads the registry, what they see of each officer, and the list filters."""

from __future__ import annotations

import pytest

from liaison.core.errors import NotFound, PermissionDenied
from liaison.officers.models import OfficerStatus
from liaison.officers.policies import officer_allowed_actions
from liaison.officers.presentation import officer_phone
from liaison.officers.selectors.officer import (
    access_officer,
    officer_list,
    officer_status_counts,
    officer_unit_choices,
)
from liaison.officers.services.officer_status import officer_suspend
from liaison.officers.tests.conftest import register

pytestmark = pytest.mark.django_db

READERS = ["center_admin", "center_leader", "supervisor"]
NO_ACCESS = ["guide_user", "applicant", "dept_admin", "project_office"]


@pytest.mark.parametrize("persona", [*READERS, "officer_user"])
def test_the_centre_supervisors_and_officers_read_the_list(request, persona, officer, other_officer):
    user = request.getfixturevalue(persona)

    assert list(officer_list(user=user)) == [officer, other_officer]


@pytest.mark.parametrize("persona", NO_ACCESS)
def test_other_roles_cannot_read_the_list(request, persona, other_officer):
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        officer_list(user=user)
    with pytest.raises(PermissionDenied):
        officer_status_counts(user=user)


def test_anonymous_visitors_cannot_read_the_list(other_officer):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        officer_list(user=AnonymousUser())


@pytest.mark.parametrize("persona", READERS)
def test_readers_open_every_record_with_the_full_phone(request, persona, other_officer):
    user = request.getfixturevalue(persona)

    assert access_officer(user, other_officer.pk) == other_officer
    assert officer_phone(user, other_officer) == "13700002222"


def test_an_officer_opens_their_own_record_with_the_full_phone(officer):
    assert access_officer(officer.user, officer.pk) == officer
    assert officer_phone(officer.user, officer) == "13800001111"


def test_an_officer_sees_other_officers_only_in_the_list_and_masked(officer, other_officer):
    with pytest.raises(NotFound):
        access_officer(officer.user, other_officer.pk)
    assert officer_phone(officer.user, other_officer) == "137****2222"
    assert officer_allowed_actions(officer.user, other_officer)["view"] is False


@pytest.mark.parametrize("persona", NO_ACCESS)
def test_other_roles_get_not_found_for_a_record(request, persona, other_officer):
    user = request.getfixturevalue(persona)

    with pytest.raises(NotFound):
        access_officer(user, other_officer.pk)


def test_a_missing_record_and_a_forbidden_one_look_the_same(guide_user, other_officer):
    with pytest.raises(NotFound) as missing:
        access_officer(guide_user, other_officer.pk + 100)
    with pytest.raises(NotFound) as forbidden:
        access_officer(guide_user, other_officer.pk)
    assert str(missing.value.message) == str(forbidden.value.message)


def test_allowed_actions_follow_role_and_status(center_admin, center_leader, officer, other_officer):
    assert officer_allowed_actions(center_admin, other_officer) == {
        "view": True,
        "edit": True,
        "suspend": True,
        "reinstate": False,
        "add_record": True,
    }
    suspended = officer_suspend(actor=center_admin, officer=other_officer, reason="外派")
    assert officer_allowed_actions(center_admin, suspended)["suspend"] is False
    assert officer_allowed_actions(center_admin, suspended)["reinstate"] is True
    assert set(officer_allowed_actions(center_leader, suspended).items()) == {
        ("view", True),
        ("edit", False),
        ("suspend", False),
        ("reinstate", False),
        ("add_record", False),
    }
    assert officer_allowed_actions(officer.user, officer) == {
        "view": True,
        "edit": False,
        "suspend": False,
        "reinstate": False,
        "add_record": False,
    }


def test_the_list_filters_by_keyword_status_and_unit(center_admin, officer, other_officer):
    third = register(center_admin, "t_officer_c", full_name="王五", unit="区住建局")
    officer_suspend(actor=center_admin, officer=third, reason="外派")

    assert list(officer_list(user=center_admin, keyword="王五")) == [third]
    assert list(officer_list(user=center_admin, keyword=other_officer.number)) == [other_officer]
    assert list(officer_list(user=center_admin, keyword="t_officer_b")) == [other_officer]
    assert list(officer_list(user=center_admin, unit="区住建局")) == [other_officer, third]
    assert list(officer_list(user=center_admin, status=OfficerStatus.SUSPENDED)) == [third]
    assert list(officer_list(user=center_admin, unit="区住建局", status=OfficerStatus.ACTIVE)) == [
        other_officer
    ]
    assert officer_status_counts(user=center_admin) == {"active": 2, "suspended": 1}
    assert officer_unit_choices(user=center_admin) == ["区住建局", "区投资促进局"]


def test_only_full_contact_roles_may_search_by_phone(center_admin, officer, other_officer):
    assert list(officer_list(user=center_admin, keyword="2222")) == [other_officer]
    # An officer sees 137****2222; searching the hidden digits must not reveal who has them.
    assert list(officer_list(user=officer.user, keyword="0000")) == []
