from django.urls import URLPattern, path

from liaison.intake.views import (
    attachments,
    dispatch,
    documents,
    enterprise,
    projects,
    requests,
    review,
    settings,
    templates,
)

app_name = "intake"
urlpatterns: list[URLPattern] = [
    path("register/", enterprise.register, name="register"),
    path("enterprise/", enterprise.enterprise_profile, name="enterprise_profile"),
    path("review/", review.review_queue, name="review_queue"),
    path("projects/", projects.project_list, name="project_list"),
    path("projects/new/", projects.project_create, name="project_create"),
    path(
        "projects/eligibility-preview/",
        projects.project_eligibility_preview,
        name="project_eligibility_preview",
    ),
    path("projects/<int:pk>/", projects.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<int:pk>/eligibility/", projects.project_eligibility, name="project_eligibility"),
    path("projects/<int:pk>/requests/new/", requests.request_create, name="request_create"),
    path("projects/<int:pk>/dispatch/", dispatch.dispatch, name="dispatch"),
    path("projects/<int:pk>/reassign/", dispatch.reassign, name="reassign"),
    path("projects/<int:pk>/assignment-order/", documents.assignment_order, name="assignment_order"),
    path("projects/<int:pk>/agreement/", documents.agreement, name="agreement"),
    path("my-projects/", dispatch.my_projects, name="my_projects"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request_edit"),
    path("requests/<int:pk>/eligibility/", requests.request_eligibility, name="request_eligibility"),
    path("requests/<int:pk>/submit/", requests.request_submit, name="request_submit"),
    path("requests/<int:pk>/withdraw/", requests.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/attachments/", attachments.attachment_upload, name="attachment_upload"),
    path("requests/<int:pk>/return/", review.request_return, name="request_return"),
    path("requests/<int:pk>/accept/", review.request_accept, name="request_accept"),
    path("requests/<int:pk>/reject/", review.request_reject, name="request_reject"),
    path("attachments/<int:pk>/", attachments.attachment_download, name="attachment_download"),
    path("settings/", settings.eligibility_settings, name="eligibility_settings"),
    path("templates/", templates.document_templates, name="document_templates"),
    path(
        "templates/<str:kind>/reset/", templates.document_template_reset_view, name="document_template_reset"
    ),
    path(
        "templates/<str:kind>/download/",
        templates.document_template_download,
        name="document_template_download",
    ),
    path("settings/thresholds/new/", settings.threshold_form, name="threshold_create"),
    path("settings/thresholds/<int:pk>/", settings.threshold_form, name="threshold_edit"),
    path("settings/rates/new/", settings.rate_form, name="rate_create"),
    path("settings/rates/<int:pk>/", settings.rate_form, name="rate_edit"),
]
