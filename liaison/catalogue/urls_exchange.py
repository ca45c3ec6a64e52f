from django.urls import URLPattern, path

from liaison.catalogue.views.exchange import import_job, import_job_progress, import_upload
from liaison.catalogue.views.roster import (
    catalogue_export_xlsx,
    roster,
    roster_export_docx,
    roster_export_xlsx,
)

urlpatterns: list[URLPattern] = [
    path("roster/", roster, name="roster"),
    path("roster/export.xlsx", roster_export_xlsx, name="roster_export_xlsx"),
    path("roster/export.docx", roster_export_docx, name="roster_export_docx"),
    path("export.xlsx", catalogue_export_xlsx, name="catalogue_export_xlsx"),
    path("import/", import_upload, name="import"),
    path("import/<int:job_id>/", import_job, name="import_job"),
    path("import/<int:job_id>/progress/", import_job_progress, name="import_job_progress"),
]
