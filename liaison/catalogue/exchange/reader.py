"""Checking an uploaded catalogue workbook by its content, and reading its sheets into rows."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from liaison.catalogue.exchange.columns import SHEETS, SheetSpec, cell_text
from liaison.core.errors import DomainError

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls / .doc
MAX_EXPANSION = 20  # a workbook may unzip to this many times the upload limit, no more


@dataclass(frozen=True)
class RowError:
    """One problem found in the workbook: where (sheet, row, column) and why, in Chinese."""

    sheet: str
    row: int | None
    column: str
    message: str

    @property
    def text(self) -> str:
        if self.row is None:
            return _("工作表「%(sheet)s」：%(message)s") % {"sheet": self.sheet, "message": self.message}
        return _("工作表「%(sheet)s」第 %(row)d 行：%(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "message": self.message,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
            "text": self.text,
        }


@dataclass(frozen=True)
class SheetRow:
    row: int  # the row number the user sees in Excel
    values: dict[str, str]


@dataclass
class ParsedWorkbook:
    sheets: dict[str, list[SheetRow]] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(len(rows) for rows in self.sheets.values())


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


def workbook_check_upload(fileobj: IO[bytes], *, size: int) -> None:
    """Refuse anything that is not a real .xlsx workbook within the size limit, with a clear message."""
    limit = int(settings.MAX_UPLOAD_BYTES)
    if size > limit:
        raise DomainError(
            _("文件过大（%(size)s MB），上传上限为 %(limit)s MB。")
            % {"size": _megabytes(size), "limit": _megabytes(limit)},
            field="file",
        )
    if size == 0:
        raise DomainError(_("上传的文件是空的。"), field="file")
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(OLE_MAGIC):
        raise DomainError(
            _("这是旧版 Excel（.xls）或其他 Office 旧格式文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传。"),
            field="file",
        )
    if not head.startswith(XLSX_MAGIC) or not zipfile.is_zipfile(fileobj):
        raise DomainError(
            _("文件不是 Excel 工作簿（.xlsx），请上传“导出目录”得到的 .xlsx 文件。"), field="file"
        )
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise DomainError(_("文件已损坏，无法打开。"), field="file") from exc
    finally:
        fileobj.seek(0)
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        if "word/document.xml" in names:
            raise DomainError(_("这是 Word 文档，不是 Excel 工作簿（.xlsx）。"), field="file")
        raise DomainError(
            _("文件不是 Excel 工作簿（.xlsx），请上传“导出目录”得到的 .xlsx 文件。"), field="file"
        )
    if unpacked > limit * MAX_EXPANSION:
        raise DomainError(_("工作簿解压后过大，拒绝处理。"), field="file")


def _read_sheet(ws: Any, spec: SheetSpec, errors: list[RowError]) -> list[SheetRow]:
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    positions: dict[str, int] = {}
    headers = [cell_text(v) for v in header]
    for column in spec.columns:
        if column.header in headers:
            positions[column.key] = headers.index(column.header)
        else:
            errors.append(
                RowError(spec.title, 1, column.header, _("缺少列「%(col)s」") % {"col": column.header})
            )
    if len(positions) < len(spec.columns):
        return []
    out: list[SheetRow] = []
    for number, values in enumerate(rows, start=2):
        texts = {key: cell_text(values[pos]) if pos < len(values) else "" for key, pos in positions.items()}
        if any(texts.values()):
            out.append(SheetRow(number, texts))
    return out


def workbook_read(fileobj: IO[bytes]) -> ParsedWorkbook:
    """All data rows of the four sheets as text; a workbook missing one of them is refused."""
    parsed = ParsedWorkbook()
    fileobj.seek(0)
    try:
        wb = load_workbook(fileobj, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign workbook
        raise DomainError(
            _("无法读取该工作簿，请确认它是用 Excel 或 WPS 保存的 .xlsx 文件。"), field="file"
        ) from exc
    try:
        missing = [spec.title for spec in SHEETS if spec.title not in wb.sheetnames]
        if missing:
            raise DomainError(
                _("工作簿缺少工作表%(sheets)s，请使用“导出目录”得到的工作簿填写。")
                % {"sheets": "".join(f"「{name}」" for name in missing)},
                field="file",
            )
        for spec in SHEETS:
            parsed.sheets[spec.key] = _read_sheet(wb[spec.title], spec, parsed.errors)
    finally:
        wb.close()
    return parsed
