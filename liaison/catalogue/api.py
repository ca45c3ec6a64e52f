"""/api/v1/catalogue: departments, items and guide changes. Thin handlers over the same services as the pages."""

# No `from __future__ import annotations` here: @paginate's wrapper lives in ninja, so ninja would
# resolve string annotations of the paginated handlers there and miss the bounded types (Id).

from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from liaison.catalogue.models import ApprovalItem, GuideChange
from liaison.catalogue.policies import can_list_guide_changes
from liaison.catalogue.schemas import (
    ApprovalItemOut,
    DecisionIn,
    DepartmentIn,
    DepartmentOut,
    DepartmentPatch,
    GuideChangeIn,
    GuideChangeOut,
    ItemDetailOut,
    ItemIn,
    ItemPatch,
)
from liaison.catalogue.selectors._ids import parse_pk
from liaison.catalogue.selectors.departments import access_department, department_list
from liaison.catalogue.selectors.guide_changes import access_guide_change, guide_change_list
from liaison.catalogue.selectors.items import access_item, item_list
from liaison.catalogue.services.departments import department_create, department_update
from liaison.catalogue.services.guides import (
    guide_change_cancel,
    guide_change_register,
    guide_change_reject,
    guide_change_submit,
)
from liaison.catalogue.services.items import item_activate, item_create, item_deactivate, item_update
from liaison.core.bounds import Id
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.paging import ApiPagination
from liaison.directory.models import Department, User

router = Router(tags=["catalogue"])


def _actor(request: HttpRequest) -> User:
    return cast(User, request.user)


def _department(department_id: int | None) -> Department:
    pk = parse_pk(department_id)
    department = Department.objects.filter(pk=pk).first() if pk else None
    if department is None:
        raise DomainError(_("实施部门不存在。"), field="department_id")
    return department


# Departments


@router.get("/departments", response=list[DepartmentOut])
@paginate(ApiPagination)
def list_departments(request: HttpRequest, q: str = "", active: bool | None = None) -> Any:
    return department_list(q=q, active=active)


@router.get("/departments/{department_id}", response=DepartmentOut)
def get_department(request: HttpRequest, department_id: Id) -> Any:
    return access_department(request.user, department_id)


@router.post("/departments", response={201: DepartmentOut})
def create_department(request: HttpRequest, payload: DepartmentIn) -> Any:
    return Status(201, department_create(actor=_actor(request), **payload.dict()))


@router.patch("/departments/{department_id}", response=DepartmentOut)
def update_department(request: HttpRequest, department_id: Id, payload: DepartmentPatch) -> Any:
    department = access_department(request.user, department_id)
    department_update(actor=_actor(request), department=department, **payload.dict(exclude_unset=True))
    return access_department(request.user, department_id)


# Items


@router.get("/items", response=list[ApprovalItemOut])
@paginate(ApiPagination)
def list_items(
    request: HttpRequest,
    q: str = "",
    department: Id | None = None,
    stage: str = "",
    active: bool | None = None,
) -> Any:
    return item_list(q=q, department=department, stage=stage, active=active)


@router.get("/items/{item_id}", response=ItemDetailOut)
def get_item(request: HttpRequest, item_id: Id) -> Any:
    return access_item(request.user, item_id)


@router.post("/items", response={201: ItemDetailOut})
def create_item(request: HttpRequest, payload: ItemIn) -> Any:
    data = payload.dict()
    department = _department(data.pop("department_id"))
    item = item_create(actor=_actor(request), department=department, **data)
    return Status(201, access_item(request.user, item.pk))


@router.patch("/items/{item_id}", response=ItemDetailOut)
def update_item(request: HttpRequest, item_id: Id, payload: ItemPatch) -> Any:
    item: ApprovalItem = access_item(request.user, item_id)
    data = payload.dict(exclude_unset=True)
    is_active = data.pop("is_active", None)
    if "department_id" in data:
        data["department"] = _department(data.pop("department_id"))
    if data:
        item = item_update(actor=_actor(request), item=item, **data)
    if is_active is True:
        item_activate(actor=_actor(request), item=item)
    elif is_active is False:
        item_deactivate(actor=_actor(request), item=item)
    return access_item(request.user, item_id)


# Guide changes


@router.get("/guide-changes", response=list[GuideChangeOut])
@paginate(ApiPagination)
def list_guide_changes(request: HttpRequest, status: str = "", department: Id | None = None) -> Any:
    if not can_list_guide_changes(request.user):
        raise PermissionDenied(_("您没有查看指导员变更的权限。"))
    return guide_change_list(user=request.user, status=status, department=department)


@router.get("/guide-changes/{change_id}", response=GuideChangeOut)
def get_guide_change(request: HttpRequest, change_id: Id) -> Any:
    return access_guide_change(request.user, change_id)


@router.post("/items/{item_id}/guide-changes", response={201: GuideChangeOut})
def submit_guide_change(request: HttpRequest, item_id: Id, payload: GuideChangeIn) -> Any:
    """The centre's change takes effect at once (registered); a department admin's awaits registration."""
    item = access_item(request.user, item_id)
    guide_id = parse_pk(payload.new_guide_id)
    new_guide = User.objects.filter(pk=guide_id).first() if guide_id else None
    if new_guide is None:
        raise DomainError(_("所选指导员不存在。"), field="new_guide_id")
    change = guide_change_submit(
        actor=_actor(request),
        item=item,
        new_guide=new_guide,
        effective_date=payload.effective_date,
        reason=payload.reason,
    )
    return Status(201, access_guide_change(request.user, change.pk))


def _decided(request: HttpRequest, change: GuideChange) -> GuideChange:
    return access_guide_change(request.user, change.pk)


@router.post("/guide-changes/{change_id}/register", response=GuideChangeOut)
def register_guide_change(request: HttpRequest, change_id: Id, payload: DecisionIn) -> Any:
    change = access_guide_change(request.user, change_id)
    return _decided(request, guide_change_register(actor=_actor(request), change=change, note=payload.note))


@router.post("/guide-changes/{change_id}/reject", response=GuideChangeOut)
def reject_guide_change(request: HttpRequest, change_id: Id, payload: DecisionIn) -> Any:
    change = access_guide_change(request.user, change_id)
    return _decided(request, guide_change_reject(actor=_actor(request), change=change, note=payload.note))


@router.post("/guide-changes/{change_id}/cancel", response=GuideChangeOut)
def cancel_guide_change(request: HttpRequest, change_id: Id) -> Any:
    change = access_guide_change(request.user, change_id)
    return _decided(request, guide_change_cancel(actor=_actor(request), change=change))
