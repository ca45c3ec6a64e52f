"""The public process, from application to completion, drawn from the state machines declared in code
(`liaison/*/workflows.py`, the same declarations `manage.py workflow_docs` renders): never a hand-drawn
copy. Each step names its workflow, the state it leads to and the promised limits that apply; the layout
(main path down the left, other outcomes to the right) and the inline SVG are computed here."""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.closure.workflows import SERVICE_WORKFLOW
from liaison.core.workflow import Workflow
from liaison.directory.roles import Role
from liaison.evaluation.workflows import FOLLOW_UP_WORKFLOW
from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW
from liaison.portal.limits import Limit, promised_limits
from liaison.tracking.workflows import PROJECT_ITEM_WORKFLOW


@dataclass(frozen=True)
class ProcessStep:
    """One stage of the public path: a declared workflow, the state that completes it, its limits."""

    key: str
    title: Any
    summary: Any
    workflow: Workflow
    goal: str
    limit_keys: tuple[str, ...] = ()


# The path an enterprise's project follows (Art. 12–16), in order; a new stage is one more entry.
PROCESS = (
    ProcessStep(
        "apply",
        gettext_lazy("申请与受理"),
        gettext_lazy(
            "项目单位在线登记并提交委托申请，中心按第八条审查后受理、登记备案并指派联络官（第十二、十三条）。"
        ),
        ENTRUSTMENT_WORKFLOW,
        "concluded",
    ),
    ProcessStep(
        "items",
        gettext_lazy("审批事项代办"),
        gettext_lazy(
            "联络官协助准备材料并申报，专职指导员受理、一次性告知补正并办结（第十、十一、十四条）。"
        ),
        PROJECT_ITEM_WORKFLOW,
        "approved",
        ("item", "consultation_reply", "difficulty_response", "difficulty_feedback"),
    ),
    ProcessStep(
        "closure",
        gettext_lazy("办结或终止"),
        gettext_lazy(
            "服务完成后移交资料、办理办结手续；项目不具备办结条件或项目单位要求时终止委托（第十五、十六条）。"
        ),
        SERVICE_WORKFLOW,
        "completed",
        ("handover_receipt", "completion_confirmation"),
    ),
    ProcessStep(
        "evaluation",
        gettext_lazy("评价与差评整改"),
        gettext_lazy("项目单位对服务进行评价；每一条差评都核实、整改并回访（第十五条）。"),
        FOLLOW_UP_WORKFLOW,
        "closed",
        ("evaluation", "bad_review_verify", "bad_review_rectify"),
    ),
)

BOX_W, BOX_H, GAP_Y, COL_GAP, PAD = 150, 34, 22, 36, 8


@dataclass
class Node:
    state: str
    label: str
    x: int
    y: int
    main: bool


@dataclass
class Edge:
    source: str
    target: str
    label: str
    roles: str
    main: bool


@dataclass
class Diagram:
    step: ProcessStep
    nodes: list[Node]
    edges: list[Edge]
    width: int
    height: int
    limits: list[Limit] = field(default_factory=list)
    svg_lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def main_path(self) -> list[Node]:
        return [n for n in self.nodes if n.main]


def main_path(workflow: Workflow, goal: str) -> list[str]:
    """The shortest path of states from the workflow's initial state to `goal` (breadth first)."""
    start = str(workflow.initial)
    came: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state == goal:
            break
        for t in workflow.transitions:
            if state in t.sources and t.target not in came:
                came[str(t.target)] = state
                queue.append(str(t.target))
    if goal not in came:
        raise ValueError(f"{workflow.name}: {goal} is not reachable from {start}")
    path: list[str] = []
    node: str | None = goal
    while node is not None:
        path.append(node)
        node = came[node]
    return path[::-1]


def _role_names(roles: frozenset[str]) -> str:
    return "、".join(str(Role(r).label) for r in Role.values if r in roles)


def diagram(step: ProcessStep, limits: dict[str, Limit]) -> Diagram:
    """The step's states laid out: the main path down the left column, every other state to the right,
    level with the first main state leading to it; every declared transition as an edge."""
    workflow = step.workflow
    path = main_path(workflow, step.goal)
    labels = {str(k): str(v) for k, v in workflow.states.items()}
    row_of = {state: i for i, state in enumerate(path)}
    nodes = {s: Node(s, labels[s], PAD, PAD + i * (BOX_H + GAP_Y), True) for s, i in row_of.items()}
    taken: set[int] = set()
    for state, label in labels.items():
        if state in nodes:
            continue
        sources = [
            row_of[s] for t in workflow.transitions if t.target == state for s in t.sources if s in row_of
        ]
        row = min(sources) if sources else len(path)
        while row in taken:
            row += 1
        taken.add(row)
        nodes[state] = Node(state, label, PAD + BOX_W + COL_GAP, PAD + row * (BOX_H + GAP_Y), False)
    on_path = set(itertools.pairwise(path))
    edges = [
        Edge(src, str(t.target), str(t.label or t.name), _role_names(t.roles), (src, t.target) in on_path)
        for t in workflow.transitions
        for src in sorted(t.sources)
    ]
    height = max(n.y for n in nodes.values()) + BOX_H + PAD
    d = Diagram(
        step,
        sorted(nodes.values(), key=lambda n: (not n.main, n.y)),
        edges,
        PAD * 2 + BOX_W * 2 + COL_GAP,
        height,
        [limits[k] for k in step.limit_keys if k in limits],
    )
    d.svg_lines = _lines(nodes, edges)
    return d


def _lines(nodes: dict[str, Node], edges: list[Edge]) -> list[dict[str, Any]]:
    """One arrow per pair of states joined by a transition (several transitions may share one)."""
    seen: set[tuple[str, str]] = set()
    lines = []
    for e in edges:
        if e.source == e.target or (e.source, e.target) in seen:
            continue
        seen.add((e.source, e.target))
        a, b = nodes[e.source], nodes[e.target]
        if a.x == b.x:  # same column: down (or back up) along the left/right edge
            if b.y > a.y:
                x1 = x2 = a.x + BOX_W // 2
                y1, y2 = a.y + BOX_H, b.y
            else:
                x1 = x2 = a.x + BOX_W - 12
                y1, y2 = a.y, b.y + BOX_H
        else:
            left, right = (a, b) if a.x < b.x else (b, a)
            x1, x2 = (left.x + BOX_W, right.x) if a is left else (right.x, left.x + BOX_W)
            y1, y2 = a.y + BOX_H // 2, b.y + BOX_H // 2
        lines.append({"x1": x1, "y1": y1, "x2": x2, "y2": y2, "main": e.main})
    return lines


def process_diagrams() -> list[Diagram]:
    """Every step of the public process with its layout and the limits that apply to it."""
    limits = promised_limits()
    return [diagram(step, limits) for step in PROCESS]


def step_title(key: str) -> str:
    return next((str(s.title) for s in PROCESS if s.key == key), _("流程"))
