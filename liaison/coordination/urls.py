from django.urls import URLPattern, path

from liaison.coordination.views import pages

app_name = "coordination"
urlpatterns: list[URLPattern] = [
    path("difficulties/", pages.difficulty_list_page, name="list"),
    path("difficulties/<int:pk>/", pages.difficulty_page, name="detail"),
    path("difficulties/<int:pk>/steps/<slug:name>/", pages.difficulty_step_view, name="step"),
    path("projects/<int:pk>/difficulties/", pages.project_difficulties, name="project"),
]
