"""The project's URLs under /prefixed/ (test_sidebar: the sidebar's kept URLs follow the URLconf)."""

from django.urls import include, path

urlpatterns = [path("prefixed/", include("config.urls"))]
