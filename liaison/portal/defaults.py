"""The first published version of the implementing rules, shipped inside the repository
(`content/wuhua-liaison-officer-rules.zh.txt`), seeded by migration 0002. The product never reads the
shared seed folder at runtime."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).parent / "content" / "wuhua-liaison-officer-rules.zh.txt"
RULES_SLUG = "rules"
RULES_TITLE = "五华区投资建设项目政务服务联络官服务工作实施细则（试行）"
RULES_ISSUED_ON = dt.date(2021, 3, 26)
INTERNAL_SLUG = "working-system"
INTERNAL_TITLE = "政务服务中心联络官服务工作制度"
_IMAGE_MARK = re.compile(r"\[image:[^\]]*\]")


def rules_text() -> str:
    """The rules as shipped, without the converter's image placeholders and stray blank runs."""
    text = _IMAGE_MARK.sub("", RULES_FILE.read_text(encoding="utf-8"))
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def seed_published_documents(document_model: Any, version_model: Any) -> None:
    """The rules (version 1, published) and an empty place for the centre's working system."""
    rules, _created = document_model.objects.get_or_create(
        slug=RULES_SLUG, defaults={"title": RULES_TITLE, "kind": "rules", "sort_order": 10}
    )
    if not version_model.objects.filter(document=rules).exists():
        version_model.objects.create(
            document=rules,
            number=1,
            body=rules_text(),
            issued_on=RULES_ISSUED_ON,
            note="首次公开（五华区人民政府办公室印发）",
            state="published",
            published_at=dt.datetime(2021, 3, 26, tzinfo=dt.UTC),
        )
    document_model.objects.get_or_create(
        slug=INTERNAL_SLUG, defaults={"title": INTERNAL_TITLE, "kind": "internal", "sort_order": 20}
    )
