"""English is available: the same pages in English when the user switches language (the catalogue is compiled)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from liaison.directory.roles import Role
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_login_page_in_chinese_by_default_and_in_english_on_request(client):
    assert "登录" in client.get(reverse("login")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("login")).content.decode()
    assert "Log in" in body and 'lang="en"' in body


def test_the_sidebar_and_the_guides_inbox_in_english(client):
    guide = make_user("t_guide_en", roles=(Role.GUIDE,))
    client.force_login(guide)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("consultations:inbox")).content.decode()
    assert "Awaiting reply" in body
    assert "待回复" not in body
