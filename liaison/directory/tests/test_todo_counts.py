"""The 待办 counts: every source's rows counted together in one SQL statement, equal to counting each."""

from __future__ import annotations

import pytest

from liaison.directory.models import Department, User
from liaison.directory.todos import count_rows_together, counts_of
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_several_querysets_are_counted_in_one_statement_and_match_their_own_counts(django_assert_num_queries):
    for n in range(3):
        make_user(f"u{n}", roles=("officer",))
    department = Department.objects.create(name="自然资源局", code="ZR")
    make_user("g0", roles=("guide",), department=department)
    querysets = {
        "all": User.objects.all(),
        "officers": User.objects.filter(username__startswith="u"),
        "distinct": User.objects.filter(department__name__contains="资源").distinct(),
        "none": User.objects.filter(username="nobody"),
    }
    expected = {key: qs.count() for key, qs in querysets.items()}
    with django_assert_num_queries(1):
        assert count_rows_together(querysets) == expected
    assert expected["officers"] == 3 and expected["distinct"] == 1 and expected["none"] == 0


def test_rows_that_can_match_nothing_cost_no_query_and_numbers_pass_through(django_assert_num_queries):
    with django_assert_num_queries(0):
        counts = counts_of(
            {"empty": User.objects.none(), "in": User.objects.filter(pk__in=[]), "n": 4, "no": None}
        )
    assert counts == {"empty": 0, "in": 0, "n": 4, "no": 0}
