"""Accessibility checks in the browser tests: axe-core run on the page as it is now.

`serious_violations(page)` returns axe's violations of impact serious or critical (WCAG 2.1 A/AA
rules), each as "rule-id: help (n nodes: selector, …)", so a failing assertion names what to mend.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

AXE_SOURCE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


@cache
def _axe_source() -> str:
    return AXE_SOURCE.read_text(encoding="utf-8")


def axe_results(page: Any) -> dict[str, Any]:
    """Run axe-core on the current page (WCAG 2.1 A and AA rules) and return its raw result."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )


def serious_violations(page: Any) -> list[str]:
    """The page's serious and critical violations, described for an assertion message."""
    found = []
    for violation in axe_results(page)["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        found.append(
            f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes: {'; '.join(targets)})"
        )
    return found
