from django.urls import URLPattern, path

from liaison.tracking.views import item_list, items, materials, obligations, overview, plans

app_name = "tracking"
urlpatterns: list[URLPattern] = [
    path("todo/", item_list.todo, name="todo"),
    path("overview/", overview.overview, name="overview"),
    path("items/", item_list.item_list, name="items"),
    path("projects/<int:pk>/", items.project_tracking, name="project"),
    path("projects/<int:pk>/plan/", plans.plan, name="plan"),
    path("projects/<int:pk>/plan/draft/", plans.plan_draft, name="plan_draft"),
    path("projects/<int:pk>/plan/confirm/", plans.plan_confirm_view, name="plan_confirm"),
    path("projects/<int:pk>/plan/items/", plans.plan_item_add_view, name="plan_item_add"),
    path("projects/<int:pk>/obligations/", obligations.obligation_add, name="obligation_add"),
    path("obligations/<int:pk>/done/", obligations.obligation_done, name="obligation_done"),
    path("items/<int:pk>/", items.item_detail, name="item"),
    path("items/<int:pk>/transition/", items.item_transition, name="item_transition"),
    path("items/<int:pk>/result/", items.item_result, name="item_result"),
    path("items/<int:pk>/urge/", items.item_urge, name="item_urge"),
    path("items/<int:pk>/reschedule/", plans.item_reschedule, name="item_reschedule"),
    path("items/<int:pk>/propose/", plans.item_propose, name="item_propose"),
    path(
        "proposals/<int:pk>/accept/",
        plans.proposal_decide,
        {"decision": "accept"},
        name="proposal_accept",
    ),
    path(
        "proposals/<int:pk>/decline/",
        plans.proposal_decide,
        {"decision": "decline"},
        name="proposal_decline",
    ),
    path("materials/<int:pk>/upload/", materials.material_upload, name="material_upload"),
    path("materials/<int:pk>/accept/", materials.material_accept_view, name="material_accept"),
    path("materials/<int:pk>/revision/", materials.material_revision, name="material_revision"),
    path("files/<int:pk>/download/", materials.material_file_download, name="material_file_download"),
]
