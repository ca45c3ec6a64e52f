"""Keep each project's `ProjectRollup` equal to what its items add up to.

`rollups_refresh` runs inside every transaction that changes a project's items (state, due date, plan
rows): it locks the projects' roll-up rows first, so two steps on different items of one project queue
up and the second recomputes from the first one's committed result. `rollups_rebuild` recomputes them
all (migration, benchmark data, the nightly check) and reports how many were wrong.

Each refresh also moves the centre's tallies by what the projects' roll-ups changed
(`liaison.tracking.services.tallies`): the old rows are read under the lock, so the difference is exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Min, Q, Value, When

from liaison.catalogue.stages import Stage
from liaison.intake.models import Assignment, Project
from liaison.tracking.models import FINAL_STATES, OPEN_STATES, ProjectItem, ProjectItemState, ProjectRollup
from liaison.tracking.services.tallies import TallyDelta, active_officers, due_key, rollup_dict

ROLLUP_FIELDS = [
    "items_total",
    "items_open",
    "items_running",
    "items_paused",
    "items_undated",
    "stage_rank",
    "earliest_due",
]
RUNNING = sorted(OPEN_STATES - {ProjectItemState.SUPPLEMENT_REQUESTED})
CHUNK = 2000


def _stage_rank() -> Case:
    return Case(
        *(When(stage=stage, then=Value(n)) for n, stage in enumerate(Stage.values)),
        output_field=IntegerField(),
    )


def rollup_values(item_model: Any, project_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """project id -> the roll-up fields, from one grouped query over the projects' items. Projects
    without items get zeros. `item_model` is ProjectItem (or its historical model in a migration)."""
    ids = sorted(set(project_ids))
    zero: dict[str, Any] = {f: 0 for f in ROLLUP_FIELDS} | {"stage_rank": None, "earliest_due": None}
    out = {pk: dict(zero) for pk in ids}
    opened = ~Q(state__in=sorted(FINAL_STATES))
    running = Q(state__in=RUNNING)
    for n in range(0, len(ids), CHUNK):
        rows = (
            item_model.objects.filter(project_id__in=ids[n : n + CHUNK])
            .order_by()
            .values("project_id")
            .annotate(
                items_total=Count("pk"),
                items_open=Count("pk", filter=opened),
                items_running=Count("pk", filter=running),
                items_paused=Count("pk", filter=Q(state=ProjectItemState.SUPPLEMENT_REQUESTED)),
                items_undated=Count("pk", filter=running & Q(due_on__isnull=True)),
                stage_rank=Min(_stage_rank(), filter=opened),
                earliest_due=Min("due_on", filter=running),
            )
        )
        for row in rows:
            out[row.pop("project_id")] = row
    return out


def due_counts(item_model: Any, project_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """project id -> {"<approval item id>|<due date>": running items}: what it adds to the due tallies."""
    ids = sorted(set(project_ids))
    out: dict[int, dict[str, int]] = {pk: {} for pk in ids}
    for n in range(0, len(ids), CHUNK):
        rows = (
            item_model.objects.filter(
                project_id__in=ids[n : n + CHUNK], state__in=RUNNING, due_on__isnull=False
            )
            .order_by()
            .values_list("project_id", "approval_item_id", "due_on")
            .annotate(n=Count("pk"))
        )
        for project_id, approval_item_id, due_on, count in rows:
            out[project_id][due_key(approval_item_id, due_on)] = count
    return out


def rollups_refresh(project_ids: Iterable[int]) -> None:
    """Recompute the roll-ups of these projects and move the tallies by the difference; call it inside
    the transaction that changed their items."""
    ids = sorted(set(project_ids))
    if not ids:
        return
    with transaction.atomic():
        # The projects first, as a change of team does (it holds the project and then waits for the
        # roll-up): locking the roll-up alone, this step could hold it and wait at commit for the
        # project's row (a foreign-key check), a deadlock.
        list(
            Project.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk").values_list("pk")
        )
        ProjectRollup.objects.bulk_create([ProjectRollup(project_id=pk) for pk in ids], ignore_conflicts=True)
        rows = list(ProjectRollup.objects.select_for_update().filter(project_id__in=ids).order_by("pk"))
        values = rollup_values(ProjectItem, ids)
        dues = due_counts(ProjectItem, ids)
        officers = active_officers(Assignment, ids)  # read under the lock: see tallies_team_changed
        delta = TallyDelta()
        for row in rows:
            delta.add(rollup_dict(row), -1, officers.get(row.project_id, []))
            for name, value in values[row.project_id].items():
                setattr(row, name, value)
            row.due_counts = dues[row.project_id]
            delta.add(rollup_dict(row), 1, officers.get(row.project_id, []))
        # One INSERT … ON CONFLICT DO UPDATE of the locked rows: bulk_update's CASE WHEN per row and field
        # cost about 6 ms a project to compile (seed_scale's chunks of 1,000 projects, the migrations).
        ProjectRollup.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["project"],
            update_fields=[*ROLLUP_FIELDS, "due_counts", "updated_at"],
        )
        delta.apply()


def rollups_rebuild(item_model: Any = None, rollup_model: Any = None, project_model: Any = None) -> int:
    """Recompute every project's roll-up; returns how many rows differed or were missing for a project
    with items (0 when the services kept them right; a project without items needs no row). The models
    may be historical ones (the migration passes them)."""
    item_model = item_model or ProjectItem
    rollup_model = rollup_model or ProjectRollup
    project_model = project_model or Project
    ids = list(project_model.objects.order_by("pk").values_list("pk", flat=True))
    # the migration that made the roll-ups runs before `due_counts` existed
    with_dues = any(f.name == "due_counts" for f in rollup_model._meta.get_fields())
    fields = [*ROLLUP_FIELDS, "due_counts"] if with_dues else ROLLUP_FIELDS
    wrong = 0
    for n in range(0, len(ids), CHUNK):
        chunk = ids[n : n + CHUNK]
        with transaction.atomic():
            values = rollup_values(item_model, chunk)
            if with_dues:
                for pk, dues in due_counts(item_model, chunk).items():
                    values[pk]["due_counts"] = dues
            stored = {
                row["project_id"]: row
                for row in rollup_model.objects.filter(project_id__in=chunk).values("project_id", *fields)
            }
            fix = [
                rollup_model(project_id=pk, **v)
                for pk, v in values.items()
                if (pk in stored and stored[pk] != {"project_id": pk, **v})
                or (pk not in stored and v["items_total"])
            ]
            wrong += len(fix)
            rollup_model.objects.bulk_create(
                fix,
                update_conflicts=True,
                unique_fields=["project"],
                update_fields=[*fields, "updated_at"],
            )
    return wrong
