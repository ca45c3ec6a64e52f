from django.urls import path

from liaison.closure import views

app_name = "closure"

urlpatterns = [path("projects/<int:pk>/", views.service_page, name="service")]
