from django.urls import path

from liaison.supervision.views import desk, inspections

app_name = "supervision"

urlpatterns = [
    path("", desk.desk_page, name="desk"),
    path("bad-reviews/", desk.bad_reviews_page, name="bad_reviews"),
    path("subjects/<str:kind>/<int:pk>/", desk.subject_page, name="subject"),
    path("inspections/", inspections.inspection_list_page, name="inspections"),
    path("inspections/new/", inspections.inspection_new, name="inspection_new"),
    path("inspections/<int:pk>/", inspections.inspection_page, name="inspection"),
]
