from django.urls import URLPattern, path

from liaison.catalogue.views import departments, guide_changes, items

urlpatterns: list[URLPattern] = [
    path("items/", items.item_list, name="item_list"),
    path("items/new/", items.item_create_view, name="item_create"),
    path("items/<int:pk>/", items.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", items.item_edit, name="item_edit"),
    path("items/<int:pk>/status/", items.item_set_active, name="item_set_active"),
    path("items/<int:pk>/guide-change/", guide_changes.guide_change_create, name="guide_change_create"),
    path("departments/", departments.department_list_view, name="department_list"),
    path("departments/new/", departments.department_create_view, name="department_create"),
    path("departments/<int:pk>/edit/", departments.department_edit, name="department_edit"),
    path("guide-changes/", guide_changes.guide_change_list_view, name="guide_change_list"),
    path("guide-changes/<int:pk>/", guide_changes.guide_change_detail, name="guide_change_detail"),
    path("guide-changes/<int:pk>/decide/", guide_changes.guide_change_decide, name="guide_change_decide"),
]
