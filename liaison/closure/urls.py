from django.urls import path, re_path

from liaison.closure import downloads
from liaison.closure.views import custody, service, settings

app_name = "closure"

urlpatterns = [
    path("", service.service_list_page, name="list"),
    path("settings/", settings.settings_page, name="settings"),
    path("projects/<int:pk>/", service.service_page, name="service"),
    path("projects/<int:pk>/custody/", custody.custody_register, name="custody"),
    path("custody/<int:pk>/", custody.custody_entry, name="custody_entry"),
    path("custody/<int:pk>/scan/", custody.custody_scan, name="custody_scan"),
    # handover.docx|.pdf, completion.docx|.pdf, termination.docx|.pdf
    re_path(
        r"^projects/(?P<pk>[0-9]+)/(?P<which>handover|completion|termination)\.(?P<ext>docx|pdf)$",
        downloads.document_download,
        name="document",
    ),
]
