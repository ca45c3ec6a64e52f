"""The rules page's list of document sources, as data: each source gives the entries it publishes (a
title, a URL, a date, a note). The centre's published documents are the first; another app's document
(the assessment method from `liaison.assessment`) is one more function in RULE_SOURCES."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.assessment.selectors.methods import methods_public
from liaison.portal.selectors.documents import published_documents


@dataclass(frozen=True)
class RuleEntry:
    title: str
    url: str
    issued_on: Any
    version: str = ""
    note: str = ""
    kind: str = ""
    history: tuple[tuple[str, str, Any], ...] = ()  # (version label, url, date) of every version


def published_document_entries() -> list[RuleEntry]:
    """The implementing rules and the centre's working system (PublishedDocument + DocumentVersion)."""
    entries = []
    for row in published_documents():
        document, current = row["document"], row["current"]
        entries.append(
            RuleEntry(
                title=document.title,
                url=reverse("portal:document", args=[document.slug]),
                issued_on=current.issued_on,
                version=f"v{current.number}",
                note=current.note,
                kind=document.get_kind_display(),
                history=tuple(
                    (
                        f"v{v.number}",
                        reverse("portal:document_version", args=[document.slug, v.number]),
                        v.issued_on,
                    )
                    for v in row["history"]
                ),
            )
        )
    return entries


def assessment_method_entries() -> list[RuleEntry]:
    """The assessment method in force (Art. 24 监督和考核办法) as a Word document, every version listed (as the
    published documents' history is)."""
    methods = methods_public()
    if not methods:
        return []
    current = methods[0]
    return [
        RuleEntry(
            title=current.title,
            url=reverse("assessment:method_docx", args=[current.pk]),
            issued_on=current.published_on,
            version=f"v{current.version}",
            note=str(_("考核办法（Word 文档）")),
            kind=str(_("考核办法")),
            history=tuple(
                (f"v{m.version}", reverse("assessment:method_docx", args=[m.pk]), m.published_on)
                for m in methods
            ),
        )
    ]


# Each source returns its entries; the page lists them in this order.
RULE_SOURCES: list[Callable[[], list[RuleEntry]]] = [published_document_entries, assessment_method_entries]


def rule_sources() -> list[RuleEntry]:
    return [entry for source in RULE_SOURCES for entry in source()]
