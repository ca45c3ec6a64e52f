"""The documents whose Word template the centre may replace, as a registry.

Each kind names its built-in .docx, every `{{ … }}` tag a template may use, the few it must keep, and
sample data to try an upload with. Intake registers its own kinds (sources.py); an app above intake
(consultations) registers its kinds from its AppConfig.ready(), so intake never imports it. The kind
itself must still be a DocumentKind choice, because uploads are stored under it.

An app above intake may also fill some tags of an intake kind from its own data (tracking: the planned
service period on the assignment order) by registering a context part the same way; the tags stay
declared in the kind's spec, and intake fills a default for when no part answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from liaison.intake.models import DocumentKind


@dataclass(frozen=True)
class DocumentSpec:
    kind: str
    built_in: Path
    variables: frozenset[str]
    required: frozenset[str]
    sample: Callable[[], dict[str, Any]]

    @property
    def label(self) -> str:
        return str(DocumentKind(self.kind).label)


_SPECS: dict[str, DocumentSpec] = {}
ContextPart = Callable[[Any], Mapping[str, Any]]
_PARTS: dict[str, list[ContextPart]] = {}


def register_document(spec: DocumentSpec) -> DocumentSpec:
    """Make `spec.kind` re-templatable (registering the same kind again replaces the entry)."""
    if spec.kind not in DocumentKind.values:
        raise ImproperlyConfigured(f"{spec.kind!r} is not a DocumentKind choice; add it (and a migration).")
    if not spec.required <= spec.variables:
        raise ImproperlyConfigured(
            f"{spec.kind}: required tags {sorted(spec.required - spec.variables)} unknown"
        )
    _SPECS[str(spec.kind)] = spec
    return spec


def document_spec(kind: str) -> DocumentSpec | None:
    """The registered spec of `kind`, or None if nothing registered it."""
    return _SPECS.get(str(kind))


def registered_kinds() -> list[DocumentSpec]:
    """Every registered kind, in DocumentKind order (for a page listing the replaceable templates)."""
    order = {value: n for n, value in enumerate(DocumentKind.values)}
    return sorted(_SPECS.values(), key=lambda spec: order[spec.kind])


def register_context_part(kind: str, part: ContextPart) -> None:
    """Let an app above intake fill tags of `kind` for a document's subject (registering twice is a no-op)."""
    parts = _PARTS.setdefault(str(kind), [])
    if part not in parts:
        parts.append(part)


def context_parts(kind: str, subject: Any) -> dict[str, Any]:
    """The tags the registered parts fill for `subject` (e.g. the project of an assignment order)."""
    spec = document_spec(kind)
    filled: dict[str, Any] = {}
    for part in _PARTS.get(str(kind), []):
        filled.update(part(subject))
    unknown = set(filled) - (spec.variables if spec else set())
    if unknown:
        raise ImproperlyConfigured(f"{kind}: context parts fill undeclared tags {sorted(unknown)}")
    return filled
