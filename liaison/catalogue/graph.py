"""The prerequisite graph as pure functions: cycle detection and a stable topological order.

A graph is a mapping `node -> iterable of its prerequisites` ("node needs these done first").
Nodes are any hashable values (item ids in the catalogue, codes in tests).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

N = TypeVar("N", bound=Hashable)


class CycleError(ValueError):
    """The graph has a cycle; `cycle` lists it as `[a, b, …, a]` (each node needs the next)."""

    def __init__(self, cycle: list[Any]) -> None:
        super().__init__(" → ".join(str(n) for n in cycle))
        self.cycle = cycle


def find_path(graph: Mapping[N, Iterable[N]], start: N, goal: N) -> list[N] | None:
    """A path `start → … → goal` following prerequisite edges, or None (depth-first, deterministic)."""
    stack: list[tuple[N, list[N]]] = [(start, [start])]
    seen: set[N] = set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in seen:
            continue
        seen.add(node)
        # Reverse so that the first-listed prerequisite is explored first.
        stack.extend((nxt, [*path, nxt]) for nxt in reversed(list(graph.get(node, ()))) if nxt not in seen)
    return None


def cycle_through(graph: Mapping[N, Iterable[N]], node: N, prerequisites: Iterable[N]) -> list[N] | None:
    """The cycle `[node, p, …, node]` that giving `node` these prerequisites would close, or None.

    `graph` is the graph without `node`'s own edges being changed; only `node`'s edges change,
    so any new cycle passes through `node`.
    """
    for prerequisite in prerequisites:
        if prerequisite == node:
            return [node, node]
        path = find_path(graph, prerequisite, node)
        if path is not None:
            return [node, *path]
    return None


def find_cycle(graph: Mapping[N, Iterable[N]]) -> list[N] | None:
    """Any cycle in the graph as `[a, b, …, a]`, or None when the graph is acyclic."""
    white, grey, black = 0, 1, 2
    colour: dict[N, int] = {}
    for root in graph:
        if colour.get(root, white) != white:
            continue
        stack: list[tuple[N, Any]] = [(root, iter(graph.get(root, ())))]
        path: list[N] = [root]
        colour[root] = grey
        while stack:
            node, children = stack[-1]
            advanced = False
            for child in children:
                state = colour.get(child, white)
                if state == grey:
                    return [*path[path.index(child) :], child]
                if state == white:
                    colour[child] = grey
                    path.append(child)
                    stack.append((child, iter(graph.get(child, ()))))
                    advanced = True
                    break
            if not advanced:
                colour[node] = black
                path.pop()
                stack.pop()
    return None


def topological_order(
    nodes: Iterable[N],
    graph: Mapping[N, Iterable[N]],
    *,
    key: Callable[[N], Any] | None = None,
) -> list[N]:
    """`nodes` ordered so each comes after its prerequisites; ties broken by `key` (stable, Kahn).

    Edges to nodes outside `nodes` are ignored (a plan need not contain every prerequisite).
    Raises CycleError naming the cycle if the nodes cannot be ordered.
    """
    node_list = list(dict.fromkeys(nodes))
    members = set(node_list)
    position = {n: i for i, n in enumerate(node_list)}
    sort_key: Callable[[N], Any] = key or (lambda n: position[n])
    pending = {n: {p for p in graph.get(n, ()) if p in members} for n in node_list}
    dependents: dict[N, list[N]] = {n: [] for n in node_list}
    for n, prereqs in pending.items():
        for p in prereqs:
            dependents[p].append(n)
    ready = [(sort_key(n), position[n], n) for n in node_list if not pending[n]]
    heapq.heapify(ready)
    ordered: list[N] = []
    while ready:
        _k, _pos, node = heapq.heappop(ready)
        ordered.append(node)
        for dependent in dependents[node]:
            pending[dependent].discard(node)
            if not pending[dependent]:
                heapq.heappush(ready, (sort_key(dependent), position[dependent], dependent))
    if len(ordered) < len(node_list):
        rest = {n: sorted(pending[n], key=position.__getitem__) for n in node_list if pending[n]}
        raise CycleError(find_cycle(rest) or list(rest))
    return ordered
