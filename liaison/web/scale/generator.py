"""Generate benchmark data quickly: enterprises, registered projects with accepted entrustments,
officers' assignments, service plans and project items with materials, states and due dates spread so
that every light occurs.

The rows are written with bulk_create and bypass the services on purpose (no audit trail, no
notifications; the projects' item roll-ups are written as the services would): this is benchmark
data, not business data. Rows whose model has `is_sample` are marked.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from liaison.catalogue.models import ApprovalItem, MaterialRequirement
from liaison.core.codes import USCC_ALPHABET, uscc_check_character
from liaison.directory.models import Enterprise, RoleMembership, User
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, Entrustment, EntrustmentScope, EntrustmentStatus, Project
from liaison.intake.models.assignment import AssignmentRole
from liaison.intake.models.project import InvestmentSource, InvestorNature, KeyProjectLevel
from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.models import MaterialSubmission, ProjectItem, ServicePlan
from liaison.tracking.services.rollups import rollups_refresh
from liaison.tracking.services.tallies import tallies_rebuild
from liaison.web.scale.extras import ExtrasResult, extras_add
from liaison.web.scale.extras_base import extras_base
from liaison.web.scale.rows import rows_insert
from liaison.web.scale.shapes import STAGES, item_dates, material_status, project_items

PROJECTS_PER_ENTERPRISE = 4
MATERIAL_FIELDS = (
    "project_item", "requirement", "seq", "name", "form", "copies", "required", "issuing_body", "status",
    "revision_reason", "file_count", "updated_at",
)  # fmt: skip
CHUNK = 1000
KINDS = ["产业园", "商业综合体", "研发中心", "物流基地", "住宅小区", "酒店", "学校", "医院门诊楼"]
PLACES = ["龙翔街道", "华山街道", "护国街道", "大观街道", "普吉街道", "红云街道", "黑林铺街道", "沙朗街道"]


class ScaleError(Exception):
    """The database lacks what the generator builds on (run load_demo first)."""


@dataclass
class ScaleResult:
    officers: int = 0
    enterprises: int = 0
    projects: int = 0
    entrustments: int = 0
    assignments: int = 0
    plans: int = 0
    items: int = 0
    materials: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    extras: ExtrasResult = field(default_factory=ExtrasResult)


@dataclass
class _Base:
    admin: User
    officers: list[Officer]
    weights: list[float]
    by_stage: dict[str, list[ApprovalItem]]
    materials: dict[int, list[MaterialRequirement]]


def add_officers(count: int, today: dt.date) -> int:
    """Extra benchmark officers (accounts that cannot sign in), so that the load per officer is realistic."""
    start = Officer.objects.filter(number__startswith="YC-").count() + 1
    users = User.objects.bulk_create(
        [
            User(
                username=f"bench_officer{n}",
                full_name=f"压测联络官{n}",
                password=make_password(None),
                is_active=True,
            )
            for n in range(start, start + count)
        ]
    )
    RoleMembership.objects.bulk_create([RoleMembership(user=u, role=Role.OFFICER) for u in users])
    Officer.objects.bulk_create(
        [
            Officer(
                user=u, number=f"YC-{start + i:05d}", unit="压测单位", registered_on=today, is_sample=True
            )
            for i, u in enumerate(users)
        ]
    )
    return len(users)


def _base(rng: random.Random) -> _Base:
    admin = User.objects.filter(memberships__role=Role.CENTER_ADMIN).order_by("pk").first()
    officers = list(Officer.objects.filter(status=OfficerStatus.ACTIVE).select_related("user").order_by("pk"))
    items = list(ApprovalItem.objects.filter(is_active=True).order_by("code"))
    if admin is None or not officers or not items:
        raise ScaleError("需要中心工作人员、在岗联络官和事项目录：请先运行 load_demo。")
    by_stage: dict[str, list[ApprovalItem]] = {s: [] for s in STAGES}
    for item in items:
        by_stage.setdefault(item.stage, []).append(item)
    materials: dict[int, list[MaterialRequirement]] = {}
    for req in MaterialRequirement.objects.filter(item__in=items).order_by("item_id", "seq"):
        materials.setdefault(req.item_id, []).append(req)
    weights = [rng.uniform(0.5, 2.0) for _ in officers]  # some officers carry more than others
    return _Base(admin, officers, weights, by_stage, materials)


def _uscc(serial: int) -> str:
    body = f"93530102{serial:09d}"  # '93…': a range the demo data does not use
    if any(ch not in USCC_ALPHABET for ch in body):
        raise ScaleError(body)
    return body + uscc_check_character(body)


def seed_scale(
    *,
    projects: int,
    officers: int = 0,
    seed: int = 20261126,
    today: dt.date | None = None,
    extras: bool = True,
    log: Callable[[str], None] = print,
) -> ScaleResult:
    """Create `projects` registered, dispatched projects with plans and items (bulk, benchmark data),
    and unless `extras` is off their consultations and difficulties (`liaison.web.scale.extras`)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark data, not secrets
    today = today or timezone.localdate()
    result = ScaleResult()
    if officers:
        with transaction.atomic():
            result.officers = add_officers(officers, today)
    base = _base(rng)
    more = extras_base(admin_id=base.admin.pk, seed=seed, today=today) if extras else None
    start_serial = Enterprise.objects.count() + Project.objects.count() + 1
    for offset in range(0, projects, CHUNK):
        size = min(CHUNK, projects - offset)
        with transaction.atomic():
            ids = _chunk(
                rng=rng,
                base=base,
                today=today,
                result=result,
                serial=start_serial + offset,
                size=size,
            )
            if more is not None:
                extras_add(more, ids, result.extras)
        log(f"  {offset + size}/{projects} projects")
    tallies_rebuild()  # the assignments were bulk-created without intake's signal: officers' tallies
    return result


def _chunk(
    *, rng: random.Random, base: _Base, today: dt.date, result: ScaleResult, serial: int, size: int
) -> list[int]:
    now = timezone.now()
    n_ent = max(1, size // PROJECTS_PER_ENTERPRISE)
    enterprises = Enterprise.objects.bulk_create(
        [
            Enterprise(
                name=f"压测{rng.choice(PLACES)}置业有限公司{serial + i}",
                uscc=_uscc(serial + i),
                address=f"昆明市五华区{rng.choice(PLACES)}{rng.randint(1, 300)}号",
                legal_representative="压测法人",
                is_sample=True,
            )
            for i in range(n_ent)
        ]
    )
    plans: list[tuple[str, list[tuple[ApprovalItem, str]]]] = []
    new_projects = []
    for i in range(size):
        stage, chosen = project_items(rng, base, today)
        plans.append((stage, chosen))
        registered = now - dt.timedelta(days=rng.randint(1, 720), minutes=rng.randint(0, 1440))
        new_projects.append(
            Project(
                enterprise=enterprises[i % n_ent],
                name=f"{rng.choice(PLACES)}{rng.choice(KINDS)}项目（压测{serial + i}）",
                location=f"昆明市五华区{rng.choice(PLACES)}",
                content="压测数据：新建建筑面积约5万平方米及配套设施。",
                total_investment=rng.randint(5_000, 500_000) * 10_000,
                investor_nature=rng.choice([InvestorNature.ENTERPRISE, InvestorNature.PRIVATE]),
                investment_source=rng.choice([InvestmentSource.DOMESTIC] * 9 + [InvestmentSource.FOREIGN]),
                key_level=rng.choice(
                    [KeyProjectLevel.NONE] * 3 + [KeyProjectLevel.DISTRICT, KeyProjectLevel.CITY]
                ),
                current_stage=stage,
                service_number=f"YC-S{serial + i:08d}",
                registered_at=registered,
                is_sample=True,
                created_by=base.admin,
            )
        )
    new_projects = Project.objects.bulk_create(new_projects)
    entrustments = Entrustment.objects.bulk_create(
        [
            Entrustment(
                project=p,
                scope=EntrustmentScope.FULL,
                stages=sorted({item.stage for item, _s in chosen}) or [stage],
                notes="压测数据",
                terms_accepted_at=p.registered_at,
                status=EntrustmentStatus.ACCEPTED,
                submitted_at=p.registered_at,
                decided_at=p.registered_at,
                decided_by=base.admin,
                created_by=base.admin,
            )
            for p, (stage, chosen) in zip(new_projects, plans, strict=True)
        ]
    )
    through = Entrustment.items.through
    through.objects.bulk_create(
        [
            through(entrustment_id=e.pk, approvalitem_id=item.pk)
            for e, (_stage, chosen) in zip(entrustments, plans, strict=True)
            for item, _state in chosen
        ]
    )
    assignments = []
    leads: list[Officer] = []
    for p in new_projects:
        lead = rng.choices(base.officers, weights=base.weights)[0]
        leads.append(lead)
        common = {"project": p, "assigned_at": p.registered_at, "assigned_by": base.admin}
        assignments.append(
            Assignment(officer=lead, role=AssignmentRole.LEAD, order_number=f"PR-{p.pk}", **common)
        )
        if len(base.officers) > 1 and rng.random() < 0.25:
            helper = rng.choice([o for o in base.officers if o.pk != lead.pk])
            assignments.append(
                Assignment(officer=helper, role=AssignmentRole.ASSISTANT, order_number=f"PR-{p.pk}", **common)
            )
    Assignment.objects.bulk_create(assignments)
    service_plans = []
    items: list[ProjectItem] = []
    for p, lead, (_stage, chosen) in zip(new_projects, leads, plans, strict=True):
        if not chosen:
            continue
        service_plans.append(
            ServicePlan(
                project=p,
                start_date=timezone.localdate(p.registered_at or now),
                drafted_by=lead.user,
                current_version=1,
                changed_since_version=False,
            )
        )
        for order, (approval_item, state) in enumerate(chosen, start=1):
            item = ProjectItem(
                project=p,
                approval_item=approval_item,
                stage=approval_item.stage,
                order=order,
                limit_days=approval_item.time_limit_days,
                state=state,
            )
            item_dates(rng, item, state, today, approval_item.time_limit_days)
            items.append(item)
    ServicePlan.objects.bulk_create(service_plans)
    items = ProjectItem.objects.bulk_create(items, batch_size=2000)
    stamp = connection.ops.adapt_datetimefield_value(now)  # as the backend stores it (SQLite: text)
    material_rows = [
        (item.pk, req.pk, req.seq, req.name, req.form, req.copies, req.required, req.issuing_body,
         material_status(rng, item.state), "", 0, stamp)
        for item in items
        for req in base.materials.get(item.approval_item_id, [])
    ]  # fmt: skip
    rows_insert(MaterialSubmission, MATERIAL_FIELDS, material_rows)
    rollups_refresh(p.pk for p in new_projects)  # what the dashboards read, as the services would keep it
    result.enterprises += len(enterprises)
    result.projects += len(new_projects)
    result.entrustments += len(entrustments)
    result.assignments += len(assignments)
    result.plans += len(service_plans)
    result.items += len(items)
    result.materials += len(material_rows)
    for item in items:
        result.counts[item.state] = result.counts.get(item.state, 0) + 1
    return [p.pk for p in new_projects]
