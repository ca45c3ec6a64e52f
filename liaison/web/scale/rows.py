"""Writing many benchmark rows without model instances: plain tuples, with PostgreSQL's COPY (psycopg 3)
or one executemany on SQLite. For the seed's largest table (two million material rows at 100,000
projects), where bulk_create spent most of its time building and preparing instances."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model


def rows_insert(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert `rows` (values in the order of `fields`, already as the backend stores them: ids for
    foreign keys, datetimes through `connection.ops.adapt_datetimefield_value`) into `model`'s table;
    how many. No signals, no defaults filled in:
    every column without a database default must be among `fields`."""
    meta = model._meta
    columns = [
        str(field.column) for field in (meta.get_field(name) for name in fields) if isinstance(field, Field)
    ]
    if len(columns) != len(fields):
        raise ValueError("rows_insert writes concrete fields only")
    quote = connection.ops.quote_name
    table, names = quote(str(meta.db_table)), ", ".join(quote(c) for c in columns)
    n = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
            return n
        listed = [tuple(row) for row in rows]
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", listed)  # noqa: S608 - names quoted
        return len(listed)
