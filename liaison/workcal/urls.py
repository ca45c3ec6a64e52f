from django.urls import path

from liaison.workcal.views.calendar import (
    calendar_page,
    override_delete,
    override_set,
    year_import,
    year_publish,
)

app_name = "workcal"
urlpatterns = [
    path("", calendar_page, name="calendar"),
    path("overrides/", override_set, name="override_set"),
    path("overrides/delete/", override_delete, name="override_delete"),
    path("years/import/", year_import, name="year_import"),
    path("years/publish/", year_publish, name="year_publish"),
]
