"""What a valid workbook asks for (the plan), and the database state it is checked against."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from liaison.catalogue.exchange.reader import RowError
from liaison.catalogue.models import (
    ApprovalItem,
    GuideAssignment,
    GuideChange,
    GuideChangeStatus,
    ItemPrerequisite,
)
from liaison.directory.models import Department, User


@dataclass
class DepartmentPlan:
    row: int
    code: str
    name: str
    short_name: str
    address: str
    phone: str
    sort_order: int
    is_active: bool


@dataclass
class ItemPlan:
    row: int
    code: str
    name: str
    department_code: str
    stage: str
    time_limit_days: int
    statutory_limit_days: int | None
    legal_basis: str
    fee_note: str
    location: str
    conditions: str
    procedure: str
    prerequisites: list[str]
    is_active: bool


@dataclass
class MaterialPlan:
    row: int
    item_code: str
    seq: int
    name: str
    form: str
    copies: int
    required: bool
    issuing_body: str
    notes: str

    def key(self) -> tuple[object, ...]:
        return (self.seq, self.name, self.form, self.copies, self.required, self.issuing_body, self.notes)


@dataclass
class GuidePlan:
    row: int
    item_code: str
    username: str
    full_name: str
    post: str
    office_phone: str
    mobile: str
    start_date: dt.date | None


@dataclass
class ImportPlan:
    departments: list[DepartmentPlan] = field(default_factory=list)
    items: list[ItemPlan] = field(default_factory=list)
    materials: list[MaterialPlan] = field(default_factory=list)
    guides: list[GuidePlan] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def item_codes_with_materials(self) -> list[str]:
        """Items whose checklist the import sets: every item listed, and every item a material names."""
        codes = [i.code for i in self.items]
        codes.extend(m.item_code for m in self.materials)
        return list(dict.fromkeys(codes))


@dataclass
class CatalogueState:
    """The catalogue as it stands, loaded in a fixed number of queries."""

    departments: dict[str, Department]
    department_code_by_name: dict[str, str]
    item_department: dict[str, str]  # item code -> department code
    item_active: dict[str, bool]
    prerequisites: dict[str, set[str]]  # item code -> prerequisite codes
    users: dict[str, User]
    current_guides: dict[str, GuideAssignment]  # item code -> active assignment
    open_changes: set[str]  # item codes with a guide change awaiting the centre's registration

    @classmethod
    def load(cls, *, usernames: set[str]) -> CatalogueState:
        departments = {d.code: d for d in Department.objects.all()}
        item_rows = list(ApprovalItem.objects.values_list("code", "department__code", "is_active"))
        graph: dict[str, set[str]] = defaultdict(set)
        for item_code, prerequisite_code in ItemPrerequisite.objects.values_list(
            "item__code", "prerequisite__code"
        ):
            graph[item_code].add(prerequisite_code)
        users = {
            u.username: u for u in User.objects.filter(username__in=usernames).select_related("department")
        }
        current = {
            a.item.code: a
            for a in GuideAssignment.objects.filter(is_active=True).select_related("item", "guide")
        }
        open_changes = set(
            GuideChange.objects.filter(status=GuideChangeStatus.PROPOSED).values_list("item__code", flat=True)
        )
        return cls(
            departments=departments,
            department_code_by_name={d.name: code for code, d in departments.items()},
            item_department={code: department for code, department, _active in item_rows},
            item_active={code: active for code, _department, active in item_rows},
            prerequisites=dict(graph),
            users=users,
            current_guides=current,
            open_changes=open_changes,
        )
