from django.urls import path

from liaison.complaints.views import business, integrity, public, settings

app_name = "complaints"

urlpatterns = [
    path("", business.complaint_list_page, name="list"),
    path("new/", public.public_new, name="public_new"),
    path("status/", public.status_page, name="status"),
    path("<int:pk>/", business.complaint_page, name="detail"),
    path("<int:pk>/evidence/<int:evidence_id>/", business.evidence_download, name="evidence"),
    path("tasks/", business.task_list_page, name="tasks"),
    path("tasks/<int:pk>/", business.task_page, name="task"),
    path("settings/", settings.settings_page, name="settings"),
    path("integrity/", integrity.integrity_list_page, name="integrity"),
    path("integrity/<int:pk>/", integrity.integrity_page, name="integrity_detail"),
]
