"""Server-side bar charts as inline SVG geometry (no script, no CDN): one bar per row, its value written
beside it; a withheld cell draws no bar and says "<3". The page shows the same figures as a table."""

from __future__ import annotations

from typing import Any

from liaison.portal.statistics import Cell

ROW_H, BAR_H, LABEL_W, BAR_W, PAD = 26, 16, 92, 200, 4


def bar_chart(rows: list[dict[str, Any]], series: str) -> dict[str, Any]:
    """Horizontal bars (they read on a 360 px phone) of `rows[i][series]` (Cells) with `rows[i]["label"]`."""
    cells: list[Cell] = [r[series] for r in rows]
    top = max((int(c.value) for c in cells if c.value is not None), default=0) or 1
    bars = []
    for i, (row, cell) in enumerate(zip(rows, cells, strict=True)):
        y = PAD + i * ROW_H
        width = 0 if cell.value is None else max(round(int(cell.value) * BAR_W / top), 1 if cell.value else 0)
        bars.append(
            {
                "label": row["label"],
                "text": cell.text,
                "y": y,
                "bar_y": y + (ROW_H - BAR_H) // 2,
                "text_y": y + ROW_H // 2 + 5,
                "width": width,
                "value_x": LABEL_W + width + 6,
                "suppressed": cell.suppressed,
            }
        )
    return {
        "bars": bars,
        "height": PAD * 2 + len(rows) * ROW_H,
        "width": LABEL_W + BAR_W + 48,
        "label_w": LABEL_W,
        "bar_h": BAR_H,
    }
