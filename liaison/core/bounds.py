"""Bounded integers for API input: no number the database cannot hold reaches a query.

Python's int has no limit, a database column has one (bigint 2**63 - 1; PostgreSQL's integer 2**31 - 1).
An id, offset or count beyond it makes the driver raise, which would be a 500 — and a huge number of
days would make date arithmetic run for ever. Every integer the API accepts is one of these types, so
pydantic refuses it first: 422 with a Chinese message (liaison/web/api_errors.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

BIGINT_MAX = 2**63 - 1  # ids (BigAutoField) on SQLite and PostgreSQL
INT_MAX = 2**31 - 1  # PositiveIntegerField on PostgreSQL
DAYS_MAX = 3650  # ten years: more than any time limit, short enough for working-day arithmetic
LIST_MAX = 500  # ids in one request

Id = Annotated[int, Field(ge=1, le=BIGINT_MAX)]
"""A row's id (path, query or body)."""

Count = Annotated[int, Field(ge=0, le=INT_MAX)]
"""A number kept in an integer column: copies, a sort order."""

Days = Annotated[int, Field(ge=0, le=DAYS_MAX)]
"""A number of (working) days: time limits, reply periods, thresholds."""

Year = Annotated[int, Field(ge=1, le=9999)]
"""A calendar year, as far as Python's dates reach."""

IdList = Annotated[list[Id], Field(max_length=LIST_MAX)]
"""Several ids at once."""


def id_or_none(value: object) -> int | None:
    """A posted row id as an int, or None when it is not one a row can have (never an overflow later)."""
    text = str(value if value is not None else "").strip()
    if not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= BIGINT_MAX else None
