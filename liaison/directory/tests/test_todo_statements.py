"""The 待办 statements kept per user shape: the counts stay fresh; a source that read data to build its
statement, or put a point in time in it, is asked afresh every time; roles and the day are in the key."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db.models import QuerySet
from django.test import Client
from django.utils import timezone

from liaison.core.request_memo import memo_scope, memoized
from liaison.directory import todo_statements
from liaison.directory.models import Department, RoleMembership, User
from liaison.directory.todos import _SOURCES, TodoSource, register_todo, todo_count
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
KEY = "test.statements"


def _register(count: Any, roles: tuple[str, ...] = ("officer",)) -> None:
    register_todo(TodoSource(KEY, "测试", "web:dashboard", frozenset(roles), count))


@pytest.fixture(autouse=True)
def clean_store() -> Iterator[None]:
    todo_statements.forget_statements()
    yield
    _SOURCES.pop(KEY, None)
    todo_statements.forget_statements()


def _kept() -> set[str]:
    return {shape[0] for shape in todo_statements._kept}


def _afresh() -> set[str]:
    return {shape[0] for shape in todo_statements._asked_afresh}


def test_a_kept_statement_still_counts_the_rows_of_now(django_assert_num_queries: Any) -> None:
    user = make_user("o1", roles=("officer",))
    _register(lambda u: User.objects.filter(username__startswith="w"))
    assert todo_count(KEY, user) == 0
    assert KEY in _kept()
    make_user("w1")
    make_user("w2")
    with django_assert_num_queries(1):  # the count alone: nothing is built again
        assert todo_count(KEY, user) == 2


def test_a_source_that_reads_rows_to_build_its_statement_is_asked_afresh() -> None:
    user = make_user("o1", roles=("officer",))
    department = Department.objects.create(name="住建局", code="ZJ")

    def by_listed_department(u: Any) -> QuerySet[Any]:
        ids = list(Department.objects.filter(code="ZJ").values_list("pk", flat=True))
        return User.objects.filter(department_id__in=ids)

    _register(by_listed_department)
    assert todo_count(KEY, user) == 0
    assert KEY in _afresh() and KEY not in _kept()
    Department.objects.filter(pk=department.pk).update(code="OLD")
    other = Department.objects.create(name="发改委", code="ZJ")
    make_user("g1", department=other)
    assert todo_count(KEY, user) == 1  # the new id list, not the one of the first call


def test_a_source_that_reads_through_the_request_memo_is_asked_afresh() -> None:
    user = make_user("o1", roles=("officer",))
    names = iter(["a", "b"])
    _register(
        lambda u: User.objects.filter(username__startswith=memoized(("test", next(names)), lambda: "w"))
    )
    with memo_scope():
        todo_count(KEY, user)
    assert KEY in _afresh()


def test_a_point_in_time_in_the_parameters_is_not_kept() -> None:
    user = make_user("o1", roles=("officer",))
    _register(lambda u: User.objects.filter(date_joined__lte=timezone.now()))
    assert todo_count(KEY, user) == 1
    assert KEY in _afresh()
    make_user("w1")
    assert todo_count(KEY, user) == 2


def test_related_objects_cached_on_the_user_are_not_trusted() -> None:
    department = Department.objects.create(name="住建局", code="ZJ")
    user = make_user("o1", roles=("officer",), department=department)
    assert user.department.code == "ZJ"  # cached on this instance: the statement must not rely on it
    _register(lambda u: User.objects.filter(department__code=u.department.code))
    assert todo_count(KEY, user) == 1
    assert KEY in _afresh()


def test_roles_are_part_of_the_key() -> None:
    user = make_user("o1", roles=("officer",))
    _register(
        lambda u: User.objects.filter(pk=u.pk) if u.has_role("guide") else User.objects.none(),
        roles=("officer", "guide"),
    )
    assert todo_count(KEY, user) == 0
    RoleMembership.objects.create(user=user, role="guide")
    fresh = User.objects.get(pk=user.pk)
    assert todo_count(KEY, fresh) == 1


def test_the_sidebar_reuses_the_statements_across_requests(django_assert_num_queries: Any) -> None:
    user = make_user("o1", roles=("officer",))
    client = Client()
    client.force_login(user)
    assert client.get("/").status_code == 200
    assert "tracking.items" in _kept()
    kept = len(todo_statements._kept)
    assert client.get("/").status_code == 200
    assert len(todo_statements._kept) == kept
