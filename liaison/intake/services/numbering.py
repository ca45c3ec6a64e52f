"""Service numbers: one per accepted project, gapless per year even under concurrent acceptances."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, connection, transaction

from liaison.intake.models import ServiceNumberCounter

DEFAULT_PATTERN = "WH-{year}-{seq:04d}"


def service_number_format(*, year: int, seq: int) -> str:
    """The number as the centre's pattern (settings.SERVICE_NUMBER_PATTERN) writes it."""
    pattern = getattr(settings, "SERVICE_NUMBER_PATTERN", "") or DEFAULT_PATTERN
    return pattern.format(year=year, seq=seq)


def service_number_next(*, year: int) -> str:
    """Take the next number of `year` inside the caller's transaction, so that a rollback gives it back.

    The year's counter row stays locked until the caller commits: concurrent acceptances queue up
    behind it and take consecutive numbers; none is skipped and none is issued twice.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("service_number_next must run inside the accepting transaction")
    counter = ServiceNumberCounter.objects.select_for_update().filter(year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                ServiceNumberCounter.objects.create(year=year, last=0)
        except IntegrityError:
            pass  # another transaction created it first; wait for its lock below
        counter = ServiceNumberCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return service_number_format(year=year, seq=counter.last)
