"""Every public page answers an anonymous visitor; `/` sends them to the portal, signed-in users keep
their dashboard."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC = ["home", "service", "process", "guides", "statistics", "rules"]


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_page_opens_without_signing_in(name):
    response = Client().get(reverse(f"portal:{name}"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="as-of"' in html and 'data-testid="public-nav"' in html


def test_an_anonymous_visitor_on_the_root_lands_on_the_portal_home():
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")


def test_a_signed_in_user_keeps_the_dashboard(world):
    client = Client()
    client.force_login(world.center_admin)
    response = client.get("/")
    assert response.status_code == 200 and "web/dashboard.html" in [t.name for t in response.templates]


def test_the_rules_are_published_as_version_one_from_the_copy_in_the_repository():
    html = Client().get(reverse("portal:document", args=["rules"])).content.decode()
    assert "第八条" in html and "v1" in html and "2021-03-26" in html
    assert "[image:" not in html


def test_a_missing_guide_or_document_is_a_404():
    client = Client()
    assert client.get(reverse("portal:guide", args=[999999])).status_code == 404
    assert client.get(reverse("portal:document", args=["nope"])).status_code == 404
    assert client.get(reverse("portal:document_version", args=["rules", 7])).status_code == 404


def test_the_care_mode_switch_keeps_a_cookie_and_marks_the_page():
    client = Client()
    response = client.get(reverse("portal:care_mode"), {"on": "1", "next": reverse("portal:process")})
    assert response.status_code == 302 and response["Location"] == reverse("portal:process")
    assert client.cookies["care_mode"].value == "1"
    assert 'class="care-mode"' in client.get(reverse("portal:guides")).content.decode()
    client.get(reverse("portal:care_mode"), {"on": "0"})
    assert 'class="care-mode"' not in client.get(reverse("portal:guides")).content.decode()


def test_the_care_mode_switch_never_redirects_off_site():
    response = Client().get(reverse("portal:care_mode"), {"on": "1", "next": "https://evil.example/"})
    assert response["Location"] == reverse("portal:home")


def test_the_sitemap_lists_the_public_pages_and_documents():
    xml = Client().get("/sitemap.xml").content.decode()
    for name in PUBLIC:
        assert reverse(f"portal:{name}") in xml
    assert reverse("portal:document_version", args=["rules", 1]) in xml


def test_english_is_available():
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": "/portal/"})
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200 and 'lang="en"' in response.content.decode()


def test_the_home_page_links_the_complaint_and_enquiry_forms_and_registration():
    html = Client().get(reverse("portal:home")).content.decode()
    assert 'data-testid="complaint-link"' in html and reverse("complaints:public_new") in html
    assert 'data-testid="enquiry-link"' in html and reverse("publicity:enquiry_new") in html
    assert reverse("intake:register") in html


def test_a_link_to_a_page_no_app_provides_is_hidden():
    from liaison.portal.views import common

    assert common.optional_url("nowhere:form") == ""
    assert common.optional_url("complaints:public_new") == reverse("complaints:public_new")


def test_the_guides_list_costs_the_same_queries_for_one_item_or_many(case, django_assert_max_num_queries):
    from liaison.tracking.tests.builders import make_catalogue_item

    for n in range(5):
        make_catalogue_item(case.world.center_admin, case.item.approval_item.department, f"ZZ-{n}")
    with django_assert_max_num_queries(3):
        html = Client().get(reverse("portal:guides")).content.decode()
    assert html.count('data-testid="guide-link"') == 6
