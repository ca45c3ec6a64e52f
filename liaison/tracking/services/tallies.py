"""Keep the centre's tallies (`liaison.tracking.models.tally`) equal to the sums of the roll-ups.

A project adds to them what its `ProjectRollup` says: its shape (stage in progress, earliest running due
date, kinds of item) with its item counts, its running items per catalogue item and due date
(`due_counts`), and the same figures to each of its active officers. `rollups_refresh` holds the
projects' roll-up rows locked, so it takes away what the old rows added and adds what the new ones
add; a change of team (intake's `assignment_team_changed`, sent inside the dispatch transaction) moves
the project's figures from the officers taken off to the officers put on, under the same row lock.

Every change is an atomic increment (INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n, on SQLite
and PostgreSQL alike), applied table by table in sorted key order, so that concurrent transactions queue
on the rows they share and never deadlock. `tallies_rebuild` recomputes them all from the roll-ups.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as django_apps
from django.db import connection, transaction

from liaison.tracking.models.tally import REGISTERED_PROJECTS

SUMS = ("items_total", "items_open", "items_running", "items_paused", "items_undated")
UPSERT_ROWS = 100


def shape_key(v: Mapping[str, Any]) -> str:
    """The shape of a roll-up as text (the unique key: NULLs spelled out, so that ON CONFLICT meets them)."""
    due = v["earliest_due"]
    return "|".join(
        [
            "-" if v["stage_rank"] is None else str(v["stage_rank"]),
            "-" if due is None else due.isoformat(),
            "u" if v["items_undated"] else "",
            "p" if v["items_paused"] else "",
        ]
    )


def due_key(approval_item_id: int, due_on: dt.date) -> str:
    return f"{approval_item_id}|{due_on.isoformat()}"


def _due_items(due_counts: Mapping[str, int]) -> Iterable[tuple[int, dt.date, int]]:
    for key, n in due_counts.items():
        item, day = key.split("|")
        yield int(item), dt.date.fromisoformat(day), int(n)


@dataclass
class TallyDelta:
    """What to add to each tally (negative to take away), gathered before one sorted write per table."""

    shape: dict[str, dict[str, Any]] = field(default_factory=dict)
    due: Counter[tuple[int, dt.date]] = field(default_factory=Counter)
    officer: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    officer_due: Counter[tuple[int, dt.date]] = field(default_factory=Counter)

    def add(
        self,
        rollup: Mapping[str, Any] | None,
        sign: int,
        officers: Iterable[int],
        *,
        centre: bool = True,
        projects: bool = False,
    ) -> None:
        """Add (sign 1) or take away (-1) what one project's roll-up contributes: to the centre's tallies
        if `centre`, and to each of `officers` (counting the project itself too if `projects`). A roll-up
        without items (or none at all) adds nothing but the project to its officers."""
        officers = list(officers)
        if projects:
            for officer in officers:
                self.officer[officer]["n_projects"] += sign
        if rollup is None or not rollup["items_total"]:
            return
        if centre:
            row = self.shape.setdefault(
                shape_key(rollup),
                {"stage_rank": rollup["stage_rank"], "earliest_due": rollup["earliest_due"]}
                | dict.fromkeys(("n_projects", *SUMS), 0),
            )
            row["n_projects"] += sign
            for name in SUMS:
                row[name] += sign * rollup[name]
        for officer in officers:
            for name in SUMS:
                self.officer[officer][name] += sign * rollup[name]
        for item, day, n in _due_items(rollup["due_counts"]):
            if centre:
                self.due[(item, day)] += sign * n
            for officer in officers:
                self.officer_due[(officer, day)] += sign * n

    def writes(self) -> list[tuple[str, list[str], list[dict[str, Any]], Sequence[str]]]:
        """Per tally (attribute of `_Models`): the key, the non-zero rows in sorted key order, the counters."""
        counters = ("n_projects", *SUMS)
        return [
            (
                "shape",
                ["key"],
                [{"key": k, **v} for k, v in sorted(self.shape.items()) if any(v[n] for n in counters)],
                counters,
            ),
            (
                "due",
                ["approval_item", "due_on"],
                [{"approval_item": i, "due_on": d, "n": n} for (i, d), n in sorted(self.due.items()) if n],
                ["n"],
            ),
            (
                "officer",
                ["officer"],
                [
                    {"officer": o, **{n: c[n] for n in counters}}
                    for o, c in sorted(self.officer.items())
                    if any(c.values())
                ],
                counters,
            ),
            (
                "officer_due",
                ["officer", "due_on"],
                [{"officer": o, "due_on": d, "n": n} for (o, d), n in sorted(self.officer_due.items()) if n],
                ["n"],
            ),
        ]

    def apply(self, models: _Models | None = None) -> None:
        """Write the increments: one upsert per table, in a fixed table order and sorted key order."""
        m = models or _Models()
        for name, key, rows, counters in self.writes():
            _upsert(getattr(m, name), key, rows, counters)


class _Models:
    """The tally models (or their historical versions in a migration)."""

    def __init__(self, apps: Any = None) -> None:
        get = (apps or django_apps).get_model
        self.shape = get("tracking", "RollupShapeTally")
        self.due = get("tracking", "DueTally")
        self.officer = get("tracking", "OfficerTally")
        self.officer_due = get("tracking", "OfficerDueTally")
        self.rollup = get("tracking", "ProjectRollup")
        self.assignment = get("intake", "Assignment")
        self.project = get("intake", "Project")
        self.count = get("tracking", "CentreCount")

    def tallies(self) -> list[Any]:
        return [self.shape, self.due, self.officer, self.officer_due, self.count]


def _upsert(model: Any, conflict: Sequence[str], rows: list[dict[str, Any]], add: Sequence[str]) -> None:
    """INSERT the rows, or add their `add` columns to the rows already there with the same key."""
    if not rows:
        return
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    names = list(rows[0])
    fields = {name: model._meta.get_field(name) for name in names}
    columns = ", ".join(qn(fields[name].column) for name in names)
    target = ", ".join(qn(model._meta.get_field(name).column) for name in conflict)
    sets = ", ".join(
        f"{qn(fields[name].column)} = {table}.{qn(fields[name].column)} + EXCLUDED.{qn(fields[name].column)}"
        for name in add
    )
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connection.cursor() as cursor:
        for n in range(0, len(rows), UPSERT_ROWS):
            chunk = rows[n : n + UPSERT_ROWS]
            params = [fields[name].get_db_prep_save(row[name], connection) for row in chunk for name in names]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(chunk))} "  # noqa: S608
                f"ON CONFLICT ({target}) DO UPDATE SET {sets}",
                params,
            )


def active_officers(assignment_model: Any, project_ids: Iterable[int]) -> dict[int, list[int]]:
    """project id -> its active officers' ids (read after the roll-up rows are locked)."""
    out: dict[int, list[int]] = defaultdict(list)
    ids = sorted(set(project_ids))
    for n in range(0, len(ids), 2000):
        rows = (
            assignment_model.objects.filter(project_id__in=ids[n : n + 2000], is_active=True)
            .order_by()
            .values_list("project_id", "officer_id")
        )
        for project_id, officer_id in rows:
            out[project_id].append(officer_id)
    return out


def rollup_dict(row: Any) -> dict[str, Any]:
    return {
        "stage_rank": row.stage_rank,
        "earliest_due": row.earliest_due,
        "due_counts": row.due_counts,
        **{name: getattr(row, name) for name in SUMS},
    }


def tallies_team_changed(project_id: int, removed: Iterable[int], added: Iterable[int]) -> None:
    """Move a project's figures from the officers taken off to those put on (inside the dispatch's
    transaction). The roll-up row is created if missing and locked, as `rollups_refresh` does, so a step
    on the project's items at the same moment either counts for the old team before this moves it, or
    waits and counts for the new one."""
    m = _Models()
    removed, added = set(removed), set(added)
    removed, added = removed - added, added - removed
    if not removed and not added:
        return
    with transaction.atomic():
        m.rollup.objects.bulk_create([m.rollup(project_id=project_id)], ignore_conflicts=True)
        row = m.rollup.objects.select_for_update().get(project_id=project_id)
        delta = TallyDelta()
        delta.add(rollup_dict(row), -1, sorted(removed), centre=False, projects=True)
        delta.add(rollup_dict(row), 1, sorted(added), centre=False, projects=True)
        delta.apply(m)


def on_team_changed(
    sender: Any,
    *,
    project_id: int,
    removed_officer_ids: Iterable[int],
    added_officer_ids: Iterable[int],
    **kw: Any,
) -> None:
    """Receiver of intake's `assignment_team_changed` (connected in TrackingConfig.ready)."""
    tallies_team_changed(project_id, removed_officer_ids, added_officer_ids)


def on_project_registered(sender: Any, *, project_id: int, **kw: Any) -> None:
    """Receiver of intake's `project_registered`: one more registered project (the overview's
    projects without items are the registered ones less those the shapes count)."""
    m = _Models()
    _upsert(m.count, ["name"], [{"name": REGISTERED_PROJECTS, "n": 1}], ["n"])


def _expected(m: _Models) -> TallyDelta:
    """The tallies from scratch: every roll-up with its active officers (a project without a roll-up row
    still counts for its officers)."""
    out = TallyDelta()
    team = m.assignment.objects.filter(is_active=True).values_list("project_id", flat=True)
    officers = active_officers(m.assignment, team)
    seen = set()
    for row in m.rollup.objects.order_by("pk").iterator(chunk_size=2000):
        seen.add(row.project_id)
        out.add(rollup_dict(row), 1, officers.get(row.project_id, []), projects=True)
    for project_id, ids in officers.items():
        if project_id not in seen:
            out.add(None, 1, ids, projects=True)
    return out


def _key(row: Mapping[str, Any], key: Sequence[str]) -> Any:
    return row[key[0]] if len(key) == 1 else tuple(row[name] for name in key)


def tallies_rebuild(apps: Any = None) -> int:
    """Recompute every tally from the roll-ups and the active assignments; returns how many rows were
    wrong (missing, extra or different; rows of zeros do not count). A table with a wrong row is
    rewritten whole. On PostgreSQL the tallies are locked meanwhile, so that the services' increments
    wait and then apply on top of the rebuilt figures."""
    m = _Models(apps)
    wrong = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            names = ", ".join(connection.ops.quote_name(t._meta.db_table) for t in m.tallies())
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
        for name, key, rows, counters in _expected(m).writes():
            model = getattr(m, name)
            columns = [model._meta.get_field(k).attname for k in key]
            stored = {
                _key(row, columns): {c: row[c] for c in counters}
                for row in model.objects.values(*columns, *counters)
                if any(row[c] for c in counters)
            }
            expected = {
                _key({c: row[k] for c, k in zip(columns, key, strict=True)}, columns): {
                    c: row[c] for c in counters
                }
                for row in rows
            }
            bad = sum(1 for k in set(stored) | set(expected) if stored.get(k) != expected.get(k))
            if bad:
                wrong += bad
                model.objects.all().delete()
                _upsert(model, key, rows, counters)
        registered = m.project.objects.filter(registered_at__isnull=False).count()
        stored_n = m.count.objects.filter(name=REGISTERED_PROJECTS).values_list("n", flat=True).first() or 0
        if stored_n != registered:
            wrong += 1
            m.count.objects.update_or_create(name=REGISTERED_PROJECTS, defaults={"n": registered})
    return wrong
