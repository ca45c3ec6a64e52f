from django.urls import path, re_path

from liaison.closure import downloads, views

app_name = "closure"

urlpatterns = [
    path("", views.service_list_page, name="list"),
    path("projects/<int:pk>/", views.service_page, name="service"),
    # handover.docx|.pdf, completion.docx|.pdf, termination.docx|.pdf
    re_path(
        r"^projects/(?P<pk>[0-9]+)/(?P<which>handover|completion|termination)\.(?P<ext>docx|pdf)$",
        downloads.document_download,
        name="document",
    ),
]
