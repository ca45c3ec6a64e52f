"""Two people acting on one row at once: the second waits for the first's lock and sees its result."""

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.publicity.models import ArticleState, Enquiry
from liaison.publicity.services.articles import article_publish
from liaison.publicity.services.enquiries import enquiry_answer
from liaison.publicity.tests.support import draft, enquiry
from liaison.testing.races import second_meets_open_first

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("shared_database")]


def test_two_answers_to_one_enquiry_keep_the_first(center_admin):
    e = enquiry()
    race = second_meets_open_first(
        lambda: enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="第一份答复"),
        lambda: enquiry_answer(actor=center_admin, enquiry_id=e.pk, answer="第二份答复"),
    )
    assert isinstance(race.second, DomainError), race
    assert Enquiry.objects.get(pk=e.pk).answer == "第一份答复"


def test_two_publishes_of_one_article_publish_it_once(center_admin):
    article = draft(center_admin)
    race = second_meets_open_first(
        lambda: article_publish(actor=center_admin, article_id=article.pk),
        lambda: article_publish(actor=center_admin, article_id=article.pk),
    )
    assert race.first.state == ArticleState.PUBLISHED and isinstance(race.second, DomainError), race
