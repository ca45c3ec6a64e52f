"""Plan dates as a pure function: prerequisites first, each item starting when the later of the plan's
start (or its own pinned start) and its prerequisites' due dates, due `limit` working days later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from liaison.catalogue.graph import topological_order
from liaison.deadlines.calendar_policy import reckon
from liaison.tracking.clock import LIVE, DayCounter


@dataclass(frozen=True)
class Node:
    key: Hashable
    limit_days: int
    prerequisites: frozenset[Any] = frozenset()
    pinned_start: dt.date | None = None
    rank: tuple[Any, ...] = ()  # tie-break among items that could go in any order


@dataclass(frozen=True)
class Slot:
    start: dt.date | None
    due: dt.date | None
    problem_year: int | None = None


def plan_order(nodes: Sequence[Node]) -> list[Any]:
    """The keys in an order where each item follows its prerequisites (those outside the plan ignored).

    Raises liaison.catalogue.graph.CycleError if the prerequisites loop.
    """
    graph = {n.key: n.prerequisites for n in nodes}
    ranks = {n.key: n.rank for n in nodes}
    return topological_order([n.key for n in nodes], graph, key=lambda k: ranks[k])


def schedule(nodes: Sequence[Node], *, start: dt.date, cal: DayCounter = LIVE) -> dict[Any, Slot]:
    """Planned start and due date of every node; a date the calendar cannot give is left open, with its year."""
    by_key = {n.key: n for n in nodes}
    slots: dict[Any, Slot] = {}
    for key in plan_order(nodes):
        node = by_key[key]
        before = [slots[p] for p in node.prerequisites if p in slots]
        blocked = next((s.problem_year for s in before if s.due is None), None)
        if blocked is not None:
            slots[key] = Slot(None, None, blocked)
            continue
        begin = max([node.pinned_start or start, *(s.due for s in before if s.due)])
        due, problem = reckon(lambda: cal.add(begin, node.limit_days))  # noqa: B023 - called at once
        slots[key] = Slot(begin, due, problem)
    return slots


def dependents_of(nodes: Sequence[Node], key: Any) -> set[Any]:
    """Every node that needs `key` done first, directly or through others."""
    found: set[Any] = set()
    frontier = [key]
    while frontier:
        current = frontier.pop()
        for n in nodes:
            if current in n.prerequisites and n.key not in found:
                found.add(n.key)
                frontier.append(n.key)
    return found
