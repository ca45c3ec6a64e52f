"""Officer numbers `LLG-<year>-<serial>`: gapless per year, drawn under a row lock."""

from __future__ import annotations

from django.db import transaction

from liaison.officers.models import Officer, OfficerNumberSeries

NUMBER_PREFIX = "LLG"


def officer_number_format(*, year: int, serial: int) -> str:
    return f"{NUMBER_PREFIX}-{year}-{serial:04d}"


def officer_number_next(*, year: int) -> str:
    """Draw the next free number of `year`. Call inside the registering transaction.

    The year's series row stays locked until that transaction ends, so concurrent registrations
    queue here; a rolled-back registration rolls the series back too, which keeps the numbers
    gapless. Numbers already taken by hand are skipped.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("officer_number_next must run inside the registering transaction")
    series, _created = OfficerNumberSeries.objects.select_for_update().get_or_create(year=year)
    prefix = f"{NUMBER_PREFIX}-{year}-"
    taken = set(Officer.objects.filter(number__startswith=prefix).values_list("number", flat=True))
    serial = series.last_serial + 1
    while officer_number_format(year=year, serial=serial) in taken:
        serial += 1
    series.last_serial = serial
    series.save(update_fields=["last_serial"])
    return officer_number_format(year=year, serial=serial)
