from django.urls import path

from liaison.notifications.views import mark_read, notifications

app_name = "notifications"
urlpatterns = [
    path("", notifications, name="list"),
    path("read/", mark_read, name="mark_read"),
]
