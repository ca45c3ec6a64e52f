"""Who may do what in the catalogue, role by role."""

from __future__ import annotations

import pytest

from liaison.catalogue.policies import (
    can_create_item,
    can_list_guide_changes,
    can_manage_department,
    can_manage_item,
    can_propose_guide_change,
    can_register_guide_change,
    can_view_catalogue,
    can_view_guide_change,
    can_view_guide_contacts,
)
from liaison.catalogue.services.guides import guide_change_propose
from liaison.catalogue.tests.builders import START, assign, make_item


@pytest.fixture
def item(center_admin, department, guide_user):
    item = make_item(center_admin, department)
    assign(center_admin, item, guide_user)
    return item


@pytest.fixture
def change(item, dept_admin, second_guide):
    return guide_change_propose(
        actor=dept_admin, item=item, new_guide=second_guide, effective_date=START, reason="岗位调整"
    )


PERSONAS = [
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "dept_admin",
    "other_dept_admin",
    "guide_user",
    "applicant",
]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_signed_in_role_reads_the_catalogue(request, persona):
    assert can_view_catalogue(request.getfixturevalue(persona))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [("center_admin", True), ("center_leader", False), ("dept_admin", False), ("supervisor", False)],
)
def test_only_center_admin_manages_departments(request, persona, expected):
    assert can_manage_department(request.getfixturevalue(persona)) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("center_admin", True),
        ("dept_admin", True),
        ("other_dept_admin", False),
        ("center_leader", False),
        ("supervisor", False),
        ("guide_user", False),
        ("officer_user", False),
        ("applicant", False),
    ],
)
def test_item_management_by_role(request, item, persona, expected):
    user = request.getfixturevalue(persona)
    assert can_manage_item(user, item) is expected
    assert can_create_item(user, item.department) is expected
    assert can_propose_guide_change(user, item) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("center_admin", True),
        ("center_leader", True),
        ("supervisor", True),
        ("officer_user", True),
        ("guide_user", True),
        ("dept_admin", True),
        ("applicant", False),
        ("project_office", False),
    ],
)
def test_guide_contacts_in_full_only_for_roles_that_work_with_guides(request, persona, expected):
    assert can_view_guide_contacts(request.getfixturevalue(persona)) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("center_admin", (True, True, True)),
        ("center_leader", (True, True, False)),
        ("supervisor", (True, True, False)),
        ("dept_admin", (True, True, False)),
        ("other_dept_admin", (True, False, False)),
        ("guide_user", (False, False, False)),
        ("officer_user", (False, False, False)),
        ("applicant", (False, False, False)),
    ],
)
def test_guide_change_visibility_and_registration(request, change, persona, expected):
    user = request.getfixturevalue(persona)
    actual = (
        can_list_guide_changes(user),
        can_view_guide_change(user, change),
        can_register_guide_change(user, change),
    )
    assert actual == expected
