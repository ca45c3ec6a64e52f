"""Reading an exported list in tests: the data rows of a `liaison.core.listing` export."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from liaison.core.xlsx import HEADER_ROW, XLSX_CONTENT_TYPE


def _content(response: Any) -> bytes:
    """The body of a download, streamed (a stored file) or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def sheet_rows(response: Any) -> list[tuple[Any, ...]]:
    """The rows under the header of the downloaded workbook (asserting it is one)."""
    assert response.status_code == 200 and response["Content-Type"] == XLSX_CONTENT_TYPE  # noqa: S101
    ws = load_workbook(io.BytesIO(_content(response))).active
    return list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


def sheet_lines(response: Any) -> list[tuple[Any, ...]]:
    """Every line of the sheet, title and header included."""
    ws = load_workbook(io.BytesIO(_content(response))).active
    return list(ws.iter_rows(values_only=True))
