"""Every page carries the Content-Security-Policy (scripts only from this site or with the request's nonce,
nothing may frame it) and the Permissions-Policy; every inline script of a page carries that response's
nonce and no element has an inline event handler, so the policy blocks nothing of ours."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client

from liaison.directory.models import User
from liaison.intake.models import Project

pytestmark = pytest.mark.django_db

PAGES = {
    "applicant1": ["/", "/intake/projects/", "/intake/requests/", "/closure/"],
    "officer1": ["/", "/tracking/todo/", "/consultations/", "/coordination/difficulties/", "/assessment/"],
    "guide1": ["/", "/consultations/inbox/", "/consultations/records/"],
    "center_admin": [
        "/",
        "/intake/review/",
        "/tracking/overview/",
        "/evaluation/figures/",
        "/catalogue/roster/?print=1",
        "/publicity/manage/articles/new/",
        "/complaints/",
    ],
    "center_leader": ["/", "/assessment/", "/supervision/"],
    "supervisor": ["/", "/audit/", "/complaints/integrity/", "/supervision/"],
}
PUBLIC = ["/portal/", "/portal/statistics/", "/publicity/", "/complaints/new/", "/accounts/login/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>", re.I)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son(click|submit|change|load|input|error)=", re.I)


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def check(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], path
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"], path
    assert "camera=()" in response["Permissions-Policy"], path
    html = response.content.decode()
    assert not INLINE_HANDLER.search(html), path
    nonces = [n for n in policy["script-src"] if n.startswith("'nonce-")]
    for attrs in INLINE_SCRIPT.findall(html):
        if 'type="application/json"' in attrs:
            continue  # data, not code (json_script)
        assert nonces, (path, "an inline script on a page whose policy carries no nonce")
        assert f'nonce="{nonces[0][7:-1]}"' in attrs, path


def test_every_roles_pages_and_the_public_pages_carry_the_policies_their_scripts_meet_each_nonce_new():
    call_command("load_demo")
    project = Project.objects.filter(
        enterprise__members__username="applicant1", registered_at__isnull=False
    ).first()
    assert project is not None
    pages = {**PAGES, "center_admin": [*PAGES["center_admin"], f"/tracking/projects/{project.pk}/plan/"]}
    pages["applicant1"] = [
        *PAGES["applicant1"],
        f"/tracking/projects/{project.pk}/",
        f"/intake/projects/{project.pk}/",
        "/intake/projects/new/",
    ]
    for username, paths in pages.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        for path in paths:
            check(client, path)
    for path in PUBLIC:
        check(Client(), path)
    client = Client()
    client.force_login(User.objects.get(username="center_admin"))
    first, second = (directives(client.get("/")["Content-Security-Policy"])["script-src"] for _ in range(2))
    assert [n for n in first if n.startswith("'nonce-")] != [n for n in second if n.startswith("'nonce-")]
