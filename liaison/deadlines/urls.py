from django.urls import path

from liaison.deadlines import views

app_name = "deadlines"

urlpatterns = [path("settings/", views.settings_page, name="settings")]
