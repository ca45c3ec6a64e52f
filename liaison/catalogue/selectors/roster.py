"""The guide roster (联系表, Attachment 1): one row per active item with its current guide.

Who sees phone numbers in full is decided here once (`roster_shows_full_phones`) and used by the
roster page, its exports and the API alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, overload

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.stages import STAGE_ORDER, Stage
from liaison.core.masking import phone_as
from liaison.directory.models import Department
from liaison.directory.roles import Role

# Roles whose work needs the guides' phones in full; everyone else (applicants, the project
# office) sees them masked.
ROSTER_FULL_PHONE_ROLES = frozenset(
    {
        Role.CENTER_ADMIN,
        Role.CENTER_LEADER,
        Role.SUPERVISOR,
        Role.OFFICER,
        Role.GUIDE,
        Role.DEPARTMENT_ADMIN,
    }
)
KEYWORD_MAX_LENGTH = 50


def roster_shows_full_phones(user: Any) -> bool:
    """True when `user` may see the guides' office and mobile numbers unmasked."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*ROSTER_FULL_PHONE_ROLES))


@dataclass(frozen=True)
class RosterFilters:
    """The roster's filters, parsed leniently from a query string (unknown values are ignored)."""

    department_id: int | None = None
    stage: str = ""
    keyword: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> RosterFilters:
        raw_department = str(params.get("department") or "").strip()
        stage = str(params.get("stage") or "").strip()
        keyword = str(params.get("q") or "").strip()[:KEYWORD_MAX_LENGTH]
        return cls(
            department_id=int(raw_department) if raw_department.isdigit() else None,
            stage=stage if stage in Stage.values else "",
            keyword=keyword,
        )

    def as_dict(self) -> dict[str, Any]:
        return {"department": self.department_id, "stage": self.stage, "q": self.keyword}


@dataclass(frozen=True)
class RosterRow:
    """One line of the roster as a given viewer may see it."""

    seq: int
    item_id: int
    department: str
    item_code: str
    item_name: str
    stage: str
    stage_label: str
    guide_id: int | None
    guide_name: str
    post: str
    office_phone: str
    mobile: str
    start_date: Any
    remarks: str = ""


def _stage_rank() -> Case:
    return Case(
        *[When(stage=code, then=Value(rank)) for code, rank in STAGE_ORDER.items()],
        default=Value(len(STAGE_ORDER)),
        output_field=IntegerField(),
    )


def roster_item_queryset(*, filters: RosterFilters) -> QuerySet[ApprovalItem]:
    """Active items matching `filters`, ordered as the attachment lists them, guides prefetched."""
    current = GuideAssignment.objects.filter(is_active=True).select_related("guide")
    # At most one change per item waits to be registered (a unique constraint), so one subquery row.
    proposed = GuideChange.objects.filter(item=OuterRef("pk"), status=GuideChangeStatus.PROPOSED)
    qs = (
        ApprovalItem.objects.filter(is_active=True)
        .select_related("department")
        .prefetch_related(Prefetch("guide_assignments", queryset=current, to_attr="current_assignments"))
        .annotate(
            stage_rank=_stage_rank(),
            proposed_name=Subquery(proposed.values("new_guide__full_name")[:1]),
            proposed_username=Subquery(proposed.values("new_guide__username")[:1]),
            proposed_from=Subquery(proposed.values("effective_date")[:1]),
        )
        .order_by("department__sort_order", "department__code", "stage_rank", "code")
    )
    if filters.department_id is not None:
        qs = qs.filter(department_id=filters.department_id)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    if filters.keyword:
        kw = filters.keyword
        guide_match = GuideAssignment.objects.filter(item=OuterRef("pk"), is_active=True).filter(
            Q(guide__full_name__icontains=kw) | Q(guide__username__icontains=kw)
        )
        qs = qs.filter(
            Q(code__icontains=kw)
            | Q(name__icontains=kw)
            | Q(department__name__icontains=kw)
            | Q(department__short_name__icontains=kw)
            | Exists(guide_match)
        )
    return qs


def _remarks(item: ApprovalItem, *, vacant: bool) -> str:
    """What a reader of the roster should know about the line: no guide, or a change not yet registered."""
    notes = [_("暂缺指导员")] if vacant else []
    effective = getattr(item, "proposed_from", None)
    if effective is not None:
        name = getattr(item, "proposed_name", "") or getattr(item, "proposed_username", "")
        notes.append(
            _("%(name)s拟于%(date)s接任（待中心登记）") % {"name": name, "date": f"{effective:%Y-%m-%d}"}
        )
    return "；".join(notes)


def _row(item: ApprovalItem, seq: int, *, full: bool) -> RosterRow:
    assignments = getattr(item, "current_assignments", [])
    assignment = assignments[0] if assignments else None
    guide = assignment.guide if assignment else None

    def phone(value: str) -> str:
        return phone_as(value, full=full)

    return RosterRow(
        seq=seq,
        item_id=item.pk,
        department=item.department.name,
        item_code=item.code,
        item_name=item.name,
        stage=item.stage,
        stage_label=str(Stage(item.stage).label) if item.stage in Stage.values else item.stage,
        guide_id=guide.pk if guide else None,
        guide_name=guide.display_name if guide else "",
        post=guide.post if guide else "",
        office_phone=phone(guide.office_phone) if guide else "",
        mobile=phone(guide.mobile) if guide else "",
        start_date=assignment.start_date if assignment else None,
        remarks=_remarks(item, vacant=guide is None),
    )


class RosterRows:
    """A lazy, sliceable sequence of RosterRow: Django's Paginator and ninja's paginate both accept it.

    Slicing runs one query for the items (with any guide change waiting to be registered) and one for
    their current guides, whatever the slice size.
    """

    def __init__(self, queryset: QuerySet[ApprovalItem], *, full_phones: bool) -> None:
        self.queryset = queryset
        self.full_phones = full_phones
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def count(self) -> int:
        return len(self)

    @overload
    def __getitem__(self, index: int) -> RosterRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[RosterRow]: ...
    def __getitem__(self, index: int | slice) -> RosterRow | list[RosterRow]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start = index.start or 0
        items = list(self.queryset[index])
        return [_row(item, start + n + 1, full=self.full_phones) for n, item in enumerate(items)]

    def __iter__(self) -> Iterator[RosterRow]:
        for n, item in enumerate(self.queryset, start=1):
            yield _row(item, n, full=self.full_phones)


def roster_list(*, viewer: Any, filters: RosterFilters) -> RosterRows:
    """The roster rows `viewer` may see, phones masked unless their roles need them."""
    return RosterRows(roster_item_queryset(filters=filters), full_phones=roster_shows_full_phones(viewer))


def roster_department_choices() -> QuerySet[Department]:
    """Departments offered in the roster's department filter."""
    return Department.objects.filter(is_active=True).only("id", "name").order_by("sort_order", "code")


def roster_filter_labels(*, filters: RosterFilters) -> list[str]:
    """The active filters in words, for the printed and exported titles."""
    labels: list[str] = []
    if filters.department_id is not None:
        name = Department.objects.filter(pk=filters.department_id).values_list("name", flat=True).first()
        if name:
            labels.append(str(name))
    if filters.stage:
        labels.append(str(Stage(filters.stage).label))
    if filters.keyword:
        labels.append(f"“{filters.keyword}”")
    return labels
