"""Who saw personal data unmasked (domain: log who viewed the unmasked value; keep logs six months).

Whatever decides to show a phone or ID number in full to someone other than its owner calls
`note_unmasked(...)`. During a request the notes collect in a context variable and the middleware writes
one `PersonalDataView` row per request that showed any (who, which page, how many values, which ones by
their masked form); outside a request (jobs, shell) the note is ignored.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

MAX_SUBJECTS = 100


@dataclass
class Seen:
    count: int = 0
    subjects: list[str] = field(default_factory=list)


_seen: ContextVar[Seen | None] = ContextVar("personal_data_seen", default=None)


def start_collecting() -> object:
    return _seen.set(Seen())


def stop_collecting(token: object) -> Seen | None:
    seen = _seen.get()
    _seen.reset(token)  # type: ignore[arg-type]
    return seen


def note_unmasked(kind: str, masked_reference: str) -> None:
    """Record that a value of `kind` ("phone", "id_number") was shown in full; `masked_reference` names it."""
    seen = _seen.get()
    if seen is None:
        return
    seen.count += 1
    entry = f"{kind}:{masked_reference}"
    if len(seen.subjects) < MAX_SUBJECTS and entry not in seen.subjects:
        seen.subjects.append(entry)
