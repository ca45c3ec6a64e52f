from django.urls import URLPattern, path

app_name = "tracking"
urlpatterns: list[URLPattern] = []
