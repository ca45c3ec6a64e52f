"""Nothing private on any public page: every URL of the sitemap and the public navigation (and the open
data) is read as an anonymous visitor and searched for the personas' mobiles, names, the enterprises and
their projects, and anything shaped like a mobile or an ID number."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from django.test import Client

from liaison.directory.models import Enterprise, User
from liaison.directory.roles import Role
from liaison.intake.models import EnterpriseContact, Project

pytestmark = pytest.mark.django_db

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID_NUMBER = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")


def public_urls(client: Client) -> set[str]:
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = {urlparse(u).path for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    home = client.get("/portal/").content.decode()
    nav = home.split('data-testid="public-nav"')[1].split("</nav>")[0]
    urls |= {h for h in re.findall(r'href="([^"]+)"', nav) if h.startswith("/portal/")}
    return urls | {"/portal/statistics.csv", "/portal/statistics.json"}


PEOPLE = (Role.GUIDE, Role.OFFICER, Role.APPLICANT)


def distinctive_names() -> None:
    """The fixtures name people after their role (项目负责人), words a public page may well use; give the
    people whose names must never show distinctive ones."""
    for n, user in enumerate(User.objects.all(), start=1):
        if user.has_role(*PEOPLE):
            user.full_name = f"隐私人员{n:02d}号"
            user.save(update_fields=["full_name"])
    for n, contact in enumerate(EnterpriseContact.objects.all(), start=1):
        contact.name = f"联系人私密{n:02d}"
        contact.save(update_fields=["name"])


def secrets() -> set[str]:
    found = {u.mobile for u in User.objects.all() if u.mobile}
    found |= {u.full_name for u in User.objects.all() if u.has_role(*PEOPLE) and u.full_name}
    found |= {u.email for u in User.objects.all() if u.email}
    found |= {v for c in EnterpriseContact.objects.all() for v in (c.mobile, c.name, c.email) if v}
    found |= {v for e in Enterprise.objects.all() for v in (e.name, e.uscc) if v}
    found |= {p.name for p in Project.objects.all()}
    return found


def test_no_public_page_shows_a_persons_or_an_enterprises_data(case):
    case.world.guide.mobile = "13612345678"
    case.world.guide.save(update_fields=["mobile"])
    distinctive_names()
    client = Client()
    urls = public_urls(client)
    assert {"/portal/", "/portal/guides/", "/portal/statistics/", "/portal/rules/"} <= urls
    assert any(u.startswith("/portal/guides/") and u != "/portal/guides/" for u in urls)  # the item's guide
    private = secrets()
    assert "13612345678" in private and any(p.startswith("隐私人员") for p in private)
    leaks = []
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8-sig")
        leaks += [(url, s) for s in private if s in text]
        leaks += [(url, m) for m in MOBILE.findall(text) + ID_NUMBER.findall(text)]
    assert leaks == []
