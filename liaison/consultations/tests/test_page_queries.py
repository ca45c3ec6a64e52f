"""The guide's 待回复 and the centre's consultation list cost the same queries with 2 rows as with 10
(issue 16's core pages; the officer's list is in test_views.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.tests.builders import reply_form

pytestmark = pytest.mark.django_db

LIST = reverse("consultations:list")
INBOX = reverse("consultations:inbox")


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_the_guides_inbox_costs_the_same_queries_for_2_and_10_rows(client, desk):
    client.force_login(desk.guide)
    for _ in range(2):
        desk.raise_()
    client.get(INBOX)  # the settings row and the session exist, as after the first request
    two, html = _queries(client, INBOX)
    assert html.count('data-testid="row-') == 2
    for _ in range(8):
        desk.raise_()
    ten, html = _queries(client, INBOX)
    assert html.count('data-testid="row-') == 10
    assert ten == two


def test_the_receivers_inbox_with_forwardings_costs_the_same_queries_for_2_and_10_rows(client, desk):
    def forward(n: int) -> None:
        for _ in range(n):
            consultation_forward(
                actor=desk.guide, consultation=desk.raise_(), to_item=desk.other_item, note="属自然资源局"
            )

    client.force_login(desk.other_guide)
    forward(2)
    client.get(INBOX)
    two, html = _queries(client, INBOX)
    assert html.count('data-testid="awaiting-acceptance"') == 2
    forward(8)
    ten, html = _queries(client, INBOX)
    assert html.count('data-testid="awaiting-acceptance"') == 10
    assert ten == two


def test_the_centres_list_costs_the_same_queries_for_2_and_10_rows_in_mixed_states(client, desk, world):
    def add(n: int) -> None:
        for i in range(n):
            c = desk.raise_()
            if i % 3 == 1:
                consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
            elif i % 3 == 2:
                consultation_forward(actor=desk.guide, consultation=c, to_item=desk.other_item, note="转办")

    client.force_login(world.center_admin)
    add(2)
    client.get(LIST)
    two, html = _queries(client, LIST)
    assert html.count('data-testid="row-') == 2
    add(8)
    ten, html = _queries(client, LIST)
    assert html.count('data-testid="row-') == 10
    assert ten == two


def test_the_list_pages_through_the_same_rows_in_the_same_order_as_its_selector(client, desk, world):
    """The page is picked on keys and its rows loaded after (paginate_keys): same rows, same order."""
    from liaison.consultations.selectors.consultations import consultation_list

    raised = [desk.raise_() for _ in range(30)]
    for c in raised[::3]:
        consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    client.force_login(world.center_admin)
    expected = [c.number for c in consultation_list(world.center_admin)]
    shown: list[str] = []
    for page in (1, 2):
        html = client.get(LIST, {"page": page}).content.decode()
        shown += [n for n in expected if f">{n}<" in html]
        order = sorted((html.index(f">{n}<"), n) for n in expected if f">{n}<" in html)
        assert [n for _, n in order] == expected[(page - 1) * 25 : page * 25]
    assert shown == expected and len(expected) == 30
