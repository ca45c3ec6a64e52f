"""The prerequisite graph as pure functions."""

from __future__ import annotations

import pytest

from liaison.catalogue.graph import CycleError, cycle_through, find_cycle, find_path, topological_order


def test_find_path_follows_prerequisite_edges():
    graph = {"C": ["B"], "B": ["A"]}
    assert find_path(graph, "C", "A") == ["C", "B", "A"]
    assert find_path(graph, "A", "C") is None


def test_find_cycle_returns_none_for_acyclic_graph():
    assert find_cycle({"C": ["B", "A"], "B": ["A"], "A": []}) is None


def test_find_cycle_names_the_cycle_from_start_to_start():
    cycle = find_cycle({"A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"]})
    assert cycle is not None
    assert cycle[0] == cycle[-1]
    assert set(cycle) == {"A", "B", "C"}
    assert len(cycle) == 4


def test_find_cycle_sees_a_self_loop():
    assert find_cycle({"A": ["A"]}) == ["A", "A"]


def test_cycle_through_reports_the_cycle_a_new_edge_would_close():
    graph = {"B": ["C"], "C": ["A"]}
    assert cycle_through(graph, "A", ["B"]) == ["A", "B", "C", "A"]
    assert cycle_through(graph, "A", ["X"]) is None
    assert cycle_through(graph, "A", ["A"]) == ["A", "A"]


def test_topological_order_puts_prerequisites_first_and_breaks_ties_by_key():
    graph = {"permit": ["plan", "land"], "plan": ["land"], "env": []}
    order = topological_order(["permit", "env", "plan", "land"], graph, key=lambda n: n)
    assert order.index("land") < order.index("plan") < order.index("permit")
    assert order == ["env", "land", "plan", "permit"]


def test_topological_order_ignores_prerequisites_outside_the_set():
    assert topological_order(["b"], {"b": ["a"]}) == ["b"]


def test_topological_order_keeps_input_order_without_key():
    assert topological_order(["z", "y", "x"], {}) == ["z", "y", "x"]


def test_topological_order_raises_with_the_cycle():
    with pytest.raises(CycleError) as info:
        topological_order(["a", "b", "c"], {"a": ["b"], "b": ["a"], "c": []})
    assert info.value.cycle[0] == info.value.cycle[-1]
    assert set(info.value.cycle) == {"a", "b"}
    assert "→" in str(info.value)
