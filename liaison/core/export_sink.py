"""Where a list's export goes when the background worker writes it (`liaison.core.export_jobs`), and the
signed offer a too-large export makes to the user. Kept free of models: `liaison.core.listing` imports it."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from django.core import signing

OFFER_SALT = "liaison.core.export-offer"
OFFER_MAX_AGE = 3600  # seconds an offer page's form stays valid


class ExportSink(Protocol):
    """The worker's end of an export: the list's view, replayed as the user, writes into it."""

    def begin(self, total: int, *, cut: bool) -> None: ...
    def progress(self, done: int) -> None: ...
    def finish(self, content: bytes, *, rows: int) -> None: ...


current_sink: ContextVar[ExportSink | None] = ContextVar("export_sink", default=None)


@dataclass(frozen=True)
class Offer:
    user_id: int
    name: str
    path: str
    query: str
    total: int


def offer_sign(offer: Offer) -> str:
    return signing.dumps(
        {"u": offer.user_id, "n": offer.name, "p": offer.path, "q": offer.query, "t": offer.total},
        salt=OFFER_SALT,
    )


def offer_read(token: str) -> Offer | None:
    """The offer the page signed, or None when it was altered or is older than OFFER_MAX_AGE."""
    try:
        data: Any = signing.loads(token, salt=OFFER_SALT, max_age=OFFER_MAX_AGE)
        return Offer(int(data["u"]), str(data["n"]), str(data["p"]), str(data["q"]), int(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
