"""Per-year serial numbers (difficulty numbers, meeting numbers) taken under a row lock."""

from __future__ import annotations

from typing import Any


def next_serial(model: Any, year: int) -> int:
    """The next number of `year` in `model` (a table of year -> last): concurrent callers queue up on
    the year's row, so no number is given twice. Call inside a transaction."""
    model.objects.get_or_create(year=year)
    serial = model.objects.select_for_update().get(year=year)
    serial.last += 1
    serial.save(update_fields=["last"])
    return int(serial.last)
