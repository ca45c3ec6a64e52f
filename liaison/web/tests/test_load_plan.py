"""The load run's plan (liaison/web/scale/load.py): every account it signs in as can open every page it
is given, so that an error in a load run is the server's, never the plan's."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from liaison.coordination.tests.conftest import case  # noqa: F401 - fixture
from liaison.directory.models import User
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.web.scale.load import load_accounts

pytestmark = pytest.mark.django_db


def test_every_planned_account_signs_in_and_opens_each_of_its_pages(client, world, case):
    project = case.project  # the officer's project, with its plan

    plan = load_accounts("Load-only@2026")

    assert set(plan) == {"officer", "centre", "enterprise", "guide"}
    names = {simulated: {a["username"] for a in accounts} for simulated, accounts in plan.items()}
    assert world.officer_user.username in names["officer"] and world.guide.username in names["guide"]
    assert {world.center_admin.username, world.center_leader.username} <= names["centre"]
    officer = next(a for a in plan["officer"] if a["username"] == world.officer_user.username)
    assert f"/tracking/projects/{project.pk}/" in officer["pages"]
    for accounts in plan.values():
        for account in accounts:
            user = User.objects.get(username=account["username"])
            assert authenticate(username=user.username, password="Load-only@2026") == user
            client.force_login(user)
            for page in account["pages"]:
                assert client.get(page, secure=True).status_code == 200, (user.username, page)
