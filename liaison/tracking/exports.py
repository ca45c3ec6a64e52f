"""The columns of tracking's list exports (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport, Sorting, SortKey

# Rows are tracking.selectors.rows.ItemRow.
ITEM_COLUMNS = (
    Column(_("状态灯"), lambda r: r.light_label, 10),
    Column(_("服务编号"), lambda r: r.item.project.service_number, 16, text=True),
    Column(_("项目"), lambda r: r.item.project.name, 30),
    Column(_("项目单位"), lambda r: r.item.project.enterprise.name, 28),
    Column(_("事项编码"), lambda r: r.item.approval_item.code, 14, text=True),
    Column(_("审批事项"), lambda r: r.item.approval_item.name, 30),
    Column(_("部门"), lambda r: r.item.approval_item.department.name, 20),
    Column(_("状态"), lambda r: r.item.get_state_display(), 12),
    Column(_("期限"), lambda r: r.item.due_on, 12),
    Column(_("剩余工作日"), lambda r: r.remaining_days, 10),
    Column(_("专职指导员"), lambda r: r.guide_name, 12),
)
ITEM_EXPORT = ListExport(_("审批事项清单"), ITEM_COLUMNS)
MY_ITEMS_EXPORT = ListExport(_("我的待办事项"), ITEM_COLUMNS)
# The item lists' sortable columns (the default order: worst light first, then the nearest due date).
ITEM_SORTING = Sorting(
    [
        SortKey("light", ("rank", "due_on")),
        SortKey("project", ("project__name",)),
        SortKey("item", ("approval_item__name",)),
        SortKey("state", ("state",)),
        SortKey("due", ("due_on",)),
    ]
)
