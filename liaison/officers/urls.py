from django.urls import path

from liaison.officers.views.manage import officer_edit, officer_record_add, officer_register, officer_status
from liaison.officers.views.registry import officer_detail, officer_export_xlsx, officer_list

app_name = "officers"
urlpatterns = [
    path("", officer_list, name="officer_list"),
    path("register/", officer_register, name="officer_register"),
    path("export.xlsx", officer_export_xlsx, name="officer_export_xlsx"),
    path("<int:pk>/", officer_detail, name="officer_detail"),
    path("<int:pk>/edit/", officer_edit, name="officer_edit"),
    path("<int:pk>/status/", officer_status, name="officer_status"),
    path("<int:pk>/records/add/", officer_record_add, name="officer_record_add"),
]
