from django.urls import path

from liaison.portal.views import documents, pages, statistics

app_name = "portal"

urlpatterns = [
    path("", pages.home, name="home"),
    path("service/", pages.service, name="service"),
    path("process/", pages.process, name="process"),
    path("guides/", pages.guides, name="guides"),
    path("guides/<int:pk>/", pages.guide, name="guide"),
    path("statistics/", statistics.statistics_page, name="statistics"),
    path("statistics.csv", statistics.statistics_csv_view, name="statistics_csv"),
    path("statistics.json", statistics.statistics_json_view, name="statistics_json"),
    path("rules/", pages.rules, name="rules"),
    path("rules/<slug:slug>/", pages.document, name="document"),
    path("rules/<slug:slug>/v<int:number>/", pages.document, name="document_version"),
    path("care-mode/", pages.care_mode, name="care_mode"),
    path("manage/documents/", documents.manage, name="documents_manage"),
    path("manage/documents/<int:pk>/versions/new/", documents.version_new, name="document_version_new"),
    path("manage/versions/<int:pk>/publish/", documents.version_publish, name="document_version_publish"),
]
