from django.urls import URLPattern, path

from liaison.coordination.views import actions, meetings, pages, settings

app_name = "coordination"
urlpatterns: list[URLPattern] = [
    path("difficulties/", pages.difficulty_list_page, name="list"),
    path("settings/", settings.settings_page, name="settings"),
    path("difficulties/<int:pk>/", pages.difficulty_page, name="detail"),
    path("difficulties/<int:pk>/steps/<slug:name>/", pages.difficulty_step_view, name="step"),
    path("projects/<int:pk>/difficulties/", pages.project_difficulties, name="project"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/new/", meetings.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting_page, name="meeting"),
    path("meetings/<int:pk>/refresh/", meetings.meeting_refresh_view, name="meeting_refresh"),
    path("meetings/<int:pk>/minutes/", meetings.meeting_minutes_view, name="meeting_minutes"),
    path("meetings/<int:pk>/briefing.docx", meetings.meeting_docx, name="meeting_docx"),
    path("meetings/<int:pk>/actions/", actions.action_assign_view, name="action_assign"),
    path("actions/", actions.action_list_page, name="actions"),
    path("actions/<int:pk>/done/", actions.action_done_view, name="action_done"),
]
