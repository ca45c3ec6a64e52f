from django.urls import URLPattern, path

from liaison.consultations.views import actions, detail, downloads, lists, raising, records

app_name = "consultations"
urlpatterns: list[URLPattern] = [
    path("", lists.consultation_list_page, name="list"),
    path("inbox/", lists.inbox, name="inbox"),
    path("new/", raising.consultation_new, name="new"),
    path("records/", records.records, name="records"),
    path("settings/", records.settings_page, name="settings"),
    path("projects/<int:pk>/section/", lists.project_section, name="project_section"),
    path("<int:pk>/", detail.consultation_page, name="detail"),
    path("<int:pk>/forward/", actions.forward, name="forward"),
    path("<int:pk>/accept/", actions.accept_forward, name="accept_forward"),
    path("<int:pk>/reply/", actions.reply, name="reply"),
    path("<int:pk>/relay/", actions.relay, name="relay"),
    path("<int:pk>/confirm/", actions.confirm_read, name="confirm_read"),
    path("<int:pk>/follow-up/", actions.follow_up, name="follow_up"),
    path("<int:pk>/close/", actions.close, name="close"),
    path("<int:pk>/withdraw/", actions.withdraw, name="withdraw"),
    path("<int:pk>/urge/", actions.urge, name="urge"),
    path("replies/<int:pk>/attachment3.docx", downloads.reply_download, {"ext": "docx"}, name="reply_docx"),
    path("replies/<int:pk>/attachment3.pdf", downloads.reply_download, {"ext": "pdf"}, name="reply_pdf"),
]
