from django.urls import path

from liaison.audit.views.events import event_detail, event_list, object_history, verify
from liaison.audit.views.personal_data import personal_data_views

app_name = "audit"
urlpatterns = [
    path("", event_list, name="event_list"),
    path("verify/", verify, name="verify"),
    path("personal-data/", personal_data_views, name="personal_data_views"),
    path("<int:seq>/", event_detail, name="event_detail"),
    path("object/<str:object_type>/<str:object_id>/", object_history, name="object_history"),
]
