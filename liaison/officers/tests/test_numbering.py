"""Officer numbers LLG-<year>-<serial>: gapless, unique, safe when registrations race."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from liaison.core.errors import DomainError
from liaison.officers.models import Officer
from liaison.officers.services.numbering import officer_number_next
from liaison.officers.tests.conftest import register


@pytest.mark.django_db
def test_numbers_are_issued_gapless_per_year_of_registration(center_admin):
    last_year = datetime.date(timezone.localdate().year - 1, 12, 31)
    numbers = [register(center_admin, f"o{i}").number for i in range(3)]
    old = register(center_admin, "old", registered_on=last_year).number
    numbers.append(register(center_admin, "o3").number)

    year = timezone.localdate().year
    assert numbers == [f"LLG-{year}-{n:04d}" for n in (1, 2, 3, 4)]
    assert old == f"LLG-{last_year.year}-0001"


@pytest.mark.django_db
def test_a_failed_registration_does_not_use_up_a_number(center_admin):
    register(center_admin, "o1")
    with pytest.raises(DomainError):
        register(center_admin, "o2", mobile="123")  # refused before a number is drawn
    with pytest.raises(DomainError):
        register(center_admin, "o1", mobile="13500000000")  # refused after the account lookup

    third = register(center_admin, "o3")

    assert third.number.endswith("-0002")


@pytest.mark.django_db
def test_numbers_taken_by_hand_are_skipped_not_duplicated(center_admin):
    year = timezone.localdate().year
    register(center_admin, "manual", number=f"LLG-{year}-0002")

    first = register(center_admin, "auto1").number
    second = register(center_admin, "auto2").number

    assert (first, second) == (f"LLG-{year}-0001", f"LLG-{year}-0003")
    assert Officer.objects.filter(number__startswith=f"LLG-{year}-").count() == 3


@pytest.mark.django_db(transaction=True)
def test_drawing_a_number_outside_a_transaction_is_a_programming_error():
    with pytest.raises(RuntimeError):
        officer_number_next(year=2026)


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_consecutive_numbers(center_admin):
    racing = connection.vendor == "postgresql"
    count = 6
    errors: list[BaseException] = []
    barrier = threading.Barrier(count if racing else 1)

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                register(center_admin, f"racer{i}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            if racing:
                connections.close_all()

    if racing:
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    else:  # SQLite serialises writers anyway: register in sequence
        for i in range(count):
            worker(i)

    assert errors == []
    year = timezone.localdate().year
    numbers = sorted(Officer.objects.values_list("number", flat=True))
    assert numbers == [f"LLG-{year}-{n:04d}" for n in range(1, count + 1)]
