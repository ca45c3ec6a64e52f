"""Service numbers: one per accepted project, gapless per year even under concurrent acceptances."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction

from liaison.intake.models import ServiceNumberCounter

DEFAULT_PATTERN = "WH-{year}-{seq:04d}"


def service_number_next(*, year: int) -> str:
    """Take the next number of `year`; call inside the accepting transaction so a rollback frees it."""
    pattern = getattr(settings, "SERVICE_NUMBER_PATTERN", DEFAULT_PATTERN)
    with transaction.atomic():
        counter = ServiceNumberCounter.objects.select_for_update().filter(year=year).first()
        if counter is None:
            try:
                with transaction.atomic():
                    ServiceNumberCounter.objects.create(year=year, last=0)
            except IntegrityError:
                pass  # another transaction created it first; lock theirs below
            counter = ServiceNumberCounter.objects.select_for_update().get(year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
    return pattern.format(year=year, seq=counter.last)
