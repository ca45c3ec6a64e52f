"""Checking one workbook row's cells, each problem recorded with its sheet, row and column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.exchange.columns import MAX_LENGTHS, SheetSpec, bool_from_text
from liaison.catalogue.exchange.reader import RowError, SheetRow


class RowChecker:
    """Reads typed values from one row; every bad cell adds a RowError and yields None."""

    def __init__(self, spec: SheetSpec, row: SheetRow, errors: list[RowError]) -> None:
        self.spec = spec
        self.row = row
        self.errors = errors
        self.ok = True
        self._headers = {c.key: c.header for c in spec.columns}

    def header(self, key: str) -> str:
        return self._headers[key]

    def raw(self, key: str) -> str:
        return self.row.values.get(key, "")

    def error(self, key: str, message: str) -> None:
        self.ok = False
        self.errors.append(RowError(self.spec.title, self.row.row, self.header(key), message))

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.raw(key)
        if required and not value:
            self.error(key, _("「%(col)s」不能为空") % {"col": self.header(key)})
            return ""
        limit = MAX_LENGTHS.get((self.spec.key, key))
        if limit is not None and len(value) > limit:
            self.error(
                key,
                _("「%(col)s」过长（%(n)d 字），最多 %(max)d 字")
                % {"col": self.header(key), "n": len(value), "max": limit},
            )
        return value

    def integer(self, key: str, *, required: bool = True, minimum: int = 1) -> int | None:
        value = self.raw(key)
        if not value:
            if required:
                self.error(key, _("「%(col)s」不能为空") % {"col": self.header(key)})
            return None
        if not value.isdigit() or int(value) < minimum:
            message = (
                _("「%(col)s」“%(value)s”应为正整数")
                if minimum >= 1
                else _("「%(col)s」“%(value)s”应为非负整数")
            )
            self.error(key, message % {"col": self.header(key), "value": value})
            return None
        return int(value)

    def boolean(self, key: str, *, default: bool = True) -> bool:
        value = self.raw(key)
        if not value:
            return default
        parsed = bool_from_text(value)
        if parsed is None:
            self.error(
                key,
                _("「%(col)s」“%(value)s”无效，应填“是”或“否”") % {"col": self.header(key), "value": value},
            )
            return default
        return parsed

    def choice(self, key: str, parse: Callable[[str], str | None], choices: str) -> str:
        value = self.raw(key)
        if not value:
            self.error(key, _("「%(col)s」不能为空") % {"col": self.header(key)})
            return ""
        parsed = parse(value)
        if parsed is None:
            self.error(
                key,
                _("%(col)s“%(value)s”无效，可选：%(choices)s")
                % {"col": self.header(key), "value": value, "choices": choices},
            )
            return ""
        return parsed

    def date(self, key: str) -> dt.date | None:
        value = self.raw(key)
        if not value:
            return None
        try:
            parsed = dt.date.fromisoformat(value.replace("/", "-").replace(".", "-"))
        except ValueError:
            self.error(
                key,
                _("「%(col)s」“%(value)s”不是有效日期（格式 YYYY-MM-DD）")
                % {"col": self.header(key), "value": value},
            )
            return None
        if parsed > timezone.localdate():
            self.error(key, _("「%(col)s」不能晚于今天") % {"col": self.header(key)})
            return None
        return parsed


def first_seen(seen: dict[Any, int], key: Any, row: int) -> int | None:
    """The row where `key` first appeared, or None (and remember this row) when it is new."""
    if key in seen:
        return seen[key]
    seen[key] = row
    return None
