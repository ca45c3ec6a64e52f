"""The sidebar built in Python (`{% sidebar %}`) gives the markup the template engine gave with
`{% regroup %}` (kept here as the oracle), for every role, in both languages, with badges and the
active entry; and the cached entries follow a changed URLconf."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.test.utils import override_settings
from django.utils import translation

from liaison.directory.roles import Role
from liaison.web.navigation import navigation_for
from liaison.web.templatetags.sidebar import sidebar

ORACLE = Template(
    "{% regroup nav_entries by section as sections %}{% for section in sections %}"
    '{% if section.grouper %}<li class="sidebar-heading px-3 mt-3 mb-1 text-muted small">{{ section.grouper }}'
    "</li>{% endif %}{% for entry in section.list %}"
    '<li class="nav-item"><a class="nav-link{% if entry.active %} active{% endif %}" href="{{ entry.url }}"'
    '{% if entry.active %} aria-current="page"{% endif %}><i class="bi bi-{{ entry.icon }} me-2"></i>'
    "{{ entry.label }}{% if entry.badge %} "
    '<span class="badge rounded-pill bg-danger float-end" data-testid="nav-badge">{{ entry.badge }}</span>'
    "{% endif %}</a></li>{% endfor %}{% endfor %}"
)


def _plain(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_sidebar_is_the_regrouped_templates_markup_for_every_role(language: str) -> None:
    badges = {"tracking:todo": 7, "consultations:inbox": 2, "web:dashboard": 0}
    with translation.override(language):
        for role in Role.values:
            for path in ("/", "/consultations/inbox/", "/tracking/todo/", "/nowhere/"):
                entries = navigation_for(frozenset({role}), path, badges)
                assert entries, role
                expected = _plain(ORACLE.render(Context({"nav_entries": entries})))
                assert _plain(str(sidebar(entries))) == expected, (role, path)
        everything = navigation_for(frozenset(Role.values), "/tracking/todo/", badges)
        html = str(sidebar(everything))
        assert html.count('aria-current="page"') == 1 and 'data-testid="nav-badge">7<' in html
        assert _plain(html) == _plain(ORACLE.render(Context({"nav_entries": everything})))
    assert "工作台" in str(sidebar(navigation_for(frozenset({Role.OFFICER}), "/")))


def test_the_kept_urls_follow_a_changed_urlconf() -> None:
    before = {e["url"] for e in navigation_for(frozenset({Role.CENTER_ADMIN}), "/")}
    with override_settings(ROOT_URLCONF="liaison.web.tests.urls_prefixed"):
        moved = {e["url"] for e in navigation_for(frozenset({Role.CENTER_ADMIN}), "/")}
    assert moved == {f"/prefixed{url}" for url in before}
    assert {e["url"] for e in navigation_for(frozenset({Role.CENTER_ADMIN}), "/")} == before
