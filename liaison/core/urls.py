from django.urls import path

from liaison.core.views import export_download, export_list_page, export_request

app_name = "exports"
urlpatterns = [
    path("", export_list_page, name="list"),
    path("request/", export_request, name="request"),
    path("<int:pk>/download/", export_download, name="download"),
]
