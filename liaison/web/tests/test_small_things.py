"""Small things a new user trips over: a menu without entries the role cannot use, a breadcrumb back to a
list the role has, a visible way to start a request, a favicon."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.test import Client

from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.tracking.tests.builders import dispatched_project
from liaison.web.navigation import navigation_for

pytestmark = pytest.mark.django_db


def test_the_enterprise_menu_has_no_api_tokens_but_staff_menus_do():
    assert "/account/tokens/" not in {e["url"] for e in navigation_for(frozenset({"applicant"}), "/")}
    assert "/account/tokens/" in {e["url"] for e in navigation_for(frozenset({"officer"}), "/")}


def test_the_officers_breadcrumb_leads_to_their_projects_and_the_centres_to_the_register(world):
    project = dispatched_project(world)
    officer = Client()
    officer.force_login(world.officer_user)
    html = officer.get(f"/intake/projects/{project.pk}/").content.decode()
    assert 'href="/intake/my-projects/" data-testid="crumb-list">我的项目<' in html
    centre = Client()
    centre.force_login(world.center_admin)
    html = centre.get(f"/intake/projects/{project.pk}/").content.decode()
    assert 'href="/intake/projects/" data-testid="crumb-list">项目登记<' in html


def test_the_request_list_offers_a_new_request_and_says_a_project_comes_first(world):
    client = Client()
    client.force_login(world.applicant)
    html = client.get("/intake/requests/").content.decode()
    assert 'data-testid="request-new"' in html and "请先在「项目登记」中登记项目" in html


def test_every_page_names_the_favicon(world):
    client = Client()
    client.force_login(world.applicant)
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").content.decode()


def test_the_centres_menu_leads_to_the_published_documents_and_others_do_not_get_it(world):
    from django.urls import reverse

    url = reverse("portal:documents_manage")
    assert url in {e["url"] for e in navigation_for(frozenset({"center_admin"}), "/")}
    assert url not in {e["url"] for e in navigation_for(frozenset({"officer"}), "/")}
    client = Client()
    client.force_login(world.center_admin)
    assert client.get(url).status_code == 200
