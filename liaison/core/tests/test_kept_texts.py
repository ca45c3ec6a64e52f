"""kept_per_language builds once per value, builder and language; escaped_text escapes the translation."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy

from liaison.core.kept_texts import escaped_text, kept_per_language

LABEL = gettext_lazy("工作台")


def test_a_value_is_built_once_per_language_and_builder() -> None:
    calls: list[str] = []

    def build(value: object) -> str:
        calls.append(str(value))
        return f"<{value}>"

    with translation.override("zh-hans"):
        assert kept_per_language(LABEL, build) == kept_per_language(LABEL, build) == "<工作台>"
        assert escaped_text(LABEL) == "工作台"
    with translation.override("en"):
        english = kept_per_language(LABEL, build)
        assert english != "<工作台>" and english == f"<{LABEL}>"
    assert len(calls) == 2


def test_escaped_text_escapes() -> None:
    assert escaped_text('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
