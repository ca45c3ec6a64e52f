"""API of the guide roster and the catalogue workbook: /api/v1/catalogue-exchange/…"""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from ninja import File, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from liaison.catalogue.exchange.catalogue_export import catalogue_export, catalogue_filename
from liaison.catalogue.exchange.jobs import access_import_job, import_job_create
from liaison.catalogue.exchange.roster_docs import roster_export, roster_filename
from liaison.catalogue.models import ImportJob
from liaison.catalogue.selectors.roster import RosterFilters, roster_list
from liaison.catalogue.stages import Stage
from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination
from liaison.core.xlsx import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE

router = Router(tags=["catalogue exchange"])


class RosterRowOut(Schema):
    seq: int
    item_id: int
    department: str
    item_code: str
    item_name: str
    stage: str
    stage_label: str
    guide_id: int | None
    guide_name: str
    post: str
    office_phone: str
    mobile: str
    start_date: dt.date | None


class ImportJobOut(Schema):
    id: int
    status: str
    status_label: str
    original_name: str
    total_rows: int
    processed_rows: int
    percent: int
    finished: bool
    errors: list[dict[str, Any]]
    result: dict[str, int]
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_status_label(obj: ImportJob) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_finished(obj: ImportJob) -> bool:
        return obj.is_finished


def _filters(department: int | None, stage: Stage | None, q: str) -> RosterFilters:
    return RosterFilters.from_params(
        {"department": department or "", "stage": stage.value if stage else "", "q": q}
    )


@router.get("/roster", response=list[RosterRowOut])
@paginate(ApiPagination)
def roster(
    request: HttpRequest, department: Id | None = None, stage: Stage | None = None, q: str = ""
) -> Any:
    """The guide roster, one row per active item; phones masked for roles that do not need them."""
    return roster_list(viewer=request.user, filters=_filters(department, stage, q))


def _file(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _download(request: HttpRequest, fmt: str, filters: RosterFilters) -> HttpResponse:
    content = roster_export(actor=request.user, filters=filters, fmt=fmt)
    content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else DOCX_CONTENT_TYPE
    return _file(content, filename=roster_filename(fmt), content_type=content_type)


@router.get("/roster.xlsx")
def roster_xlsx(
    request: HttpRequest, department: Id | None = None, stage: Stage | None = None, q: str = ""
) -> HttpResponse:
    """The roster as an Excel sheet (same filters and masking as /roster)."""
    return _download(request, "xlsx", _filters(department, stage, q))


@router.get("/roster.docx")
def roster_docx(
    request: HttpRequest, department: Id | None = None, stage: Stage | None = None, q: str = ""
) -> HttpResponse:
    """The roster laid out as Attachment 1, in Word."""
    return _download(request, "docx", _filters(department, stage, q))


@router.get("/catalogue.xlsx")
def catalogue_xlsx(request: HttpRequest) -> HttpResponse:
    """The whole catalogue as the workbook the import reads (roles that see guides' phones in full)."""
    content = catalogue_export(actor=request.user)
    return _file(content, filename=catalogue_filename(), content_type=XLSX_CONTENT_TYPE)


@router.post("/imports", response={201: ImportJobOut})
def import_create(request: HttpRequest, file: File[UploadedFile]) -> tuple[int, ImportJob]:
    """Upload a catalogue workbook (centre staff only); small files are imported at once, large
    ones in the background. Poll GET /imports/{id} for progress and the per-row errors."""
    return 201, import_job_create(actor=request.user, upload=file)


@router.get("/imports/{job_id}", response=ImportJobOut)
def import_detail(request: HttpRequest, job_id: Id) -> ImportJob:
    """An import job's status, progress, per-row errors and result counts."""
    return access_import_job(request.user, job_id)
