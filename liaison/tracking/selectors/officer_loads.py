"""The officers' loads for the centre overview, from the officers' tallies: each active officer's projects,
open items and items by light, busiest first; and the officers with overdue items."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.lights import LightContext, LightSummary
from liaison.tracking.models import OfficerDueTally, OfficerTally
from liaison.tracking.selectors.tally_reads import ROLLUP_SUMS, lights_from_sums, soon_counts


@dataclass
class OfficerLoad:
    officer: Officer
    projects: int
    open_items: int
    lights: LightSummary


def overdue_by_officer(
    ctx: LightContext, *, limit: int | None = None
) -> tuple[list[tuple[Officer, int]], int]:
    """Officers with red items in their active projects and how many (an item of a project with two
    officers counts for each), most first, then by number: the first `limit` (all when None), with their
    users, and how many officers have red items. From the officers' due tallies."""
    red = {pk: r for pk, (r, _y) in soon_counts(OfficerDueTally.objects, ctx, "officer_id").items() if r}
    numbers = dict(Officer.objects.filter(pk__in=list(red)).values_list("pk", "number"))
    ranked = sorted((pk for pk in red if pk in numbers), key=lambda pk: (-red[pk], numbers[pk]))
    chosen = ranked if limit is None else ranked[:limit]
    officers = Officer.objects.select_related("user").in_bulk(chosen)
    return [(officers[pk], red[pk]) for pk in chosen if pk in officers], len(ranked)


class RankedOfficerLoads(Sequence[OfficerLoad]):
    """Every active officer, ranked; an officer's load (with the officer and its user) is built only when
    read, so a page of 50 out of 1,000 officers loads 50 (one query per slice read)."""

    def __init__(
        self,
        ctx: LightContext,
        sums: dict[int, Any],
        soon: dict[int, tuple[int, int]],
        officers: dict[int, Officer] | None = None,
    ) -> None:
        """`officers`: every active officer already read (with its user), when all are to be shown."""
        self.ctx, self.sums, self.soon, self.officers = ctx, sums, soon, officers
        keys = [(pk, o.number) for pk, o in officers.items()] if officers is not None else None
        self.ranked = sorted(
            keys if keys is not None else _active().values_list("pk", "number"), key=self._rank
        )

    def _rank(self, officer: tuple[int, str]) -> tuple[int, int, str]:
        pk, number = officer
        red = self.soon.get(pk, (0, 0))[0]
        return -red, -int(self.sums.get(pk, {}).get("items_open") or 0), number

    def __len__(self) -> int:
        return len(self.ranked)

    @overload
    def __getitem__(self, index: int) -> OfficerLoad: ...
    @overload
    def __getitem__(self, index: slice) -> list[OfficerLoad]: ...
    def __getitem__(self, index: int | slice) -> OfficerLoad | list[OfficerLoad]:
        if isinstance(index, slice):
            return self.load([pk for pk, _number in self.ranked[index]])
        return self.load([self.ranked[index][0]])[0]

    def __iter__(self) -> Iterator[OfficerLoad]:
        return iter(self[:])  # one query for all, not one per officer

    def load(self, pks: list[int]) -> list[OfficerLoad]:
        """The loads of `pks` in that order (the officers read here in one query unless all were read)."""
        officers = self.officers if self.officers is not None else (_active().in_bulk(pks) if pks else {})
        loads = []
        for pk in pks:
            row = self.sums.get(pk, {})
            lights = lights_from_sums(self.ctx, row, *self.soon.get(pk, (0, 0)))
            projects, open_items = int(row.get("n_projects") or 0), int(row.get("items_open") or 0)
            loads.append(OfficerLoad(officers[pk], projects, open_items, lights))
        return loads


def _active() -> Any:
    return Officer.objects.filter(status=OfficerStatus.ACTIVE).select_related("user")


def officer_loads_from(
    ctx: LightContext, sums: dict[int, Any], soon: dict[int, tuple[int, int]], limit: int | None = None
) -> tuple[list[OfficerLoad], int]:
    """Active officers with their figures (`sums`: officer -> n_projects and the roll-ups summed;
    `soon`: officer -> red, yellow), most red items first, then most open items; the first `limit` of
    them (all when None) and how many there are. Officers are ranked on their ids and numbers, and only
    the chosen ones are loaded with their users."""
    if limit is None:  # every officer is shown: one query for all of them
        ranked = RankedOfficerLoads(ctx, sums, soon, officers={o.pk: o for o in _active()})
        return ranked[:], len(ranked)
    ranked = RankedOfficerLoads(ctx, sums, soon)
    return ranked[:limit], len(ranked)


def officer_loads(
    ctx: LightContext, *, limit: int | None = None, lazy: bool = False
) -> tuple[Sequence[OfficerLoad], int]:
    """From the officers' tallies (their active projects' roll-ups summed, and their running items per due
    date): the busiest `limit` (all when None), as a list, or every officer as a `RankedOfficerLoads` to
    be sliced by a paginator when `lazy`; and how many active officers there are."""
    sums = {
        row["officer_id"]: row
        for row in OfficerTally.objects.values("officer_id", "n_projects", *ROLLUP_SUMS)
    }
    soon = soon_counts(OfficerDueTally.objects, ctx, "officer_id")
    if lazy:
        ranked = RankedOfficerLoads(ctx, sums, soon)
        return ranked, len(ranked)
    return officer_loads_from(ctx, sums, soon, limit)
