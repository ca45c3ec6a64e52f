"""Errors that services raise and entry points turn into clear, translated messages."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A business rule refused the action; `message` is user-facing and already translated."""

    status_code = 400

    def __init__(self, message: Any, *, field: str | None = None, details: Any = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.details = details


class PermissionDenied(DomainError):
    """The actor may see the object but not do this to it."""

    status_code = 403


class NotFound(DomainError):
    """The object is missing, or the actor may not see it: both look the same."""

    status_code = 404


class Conflict(DomainError):
    """Somebody else changed the record first (a lost race); the user should reload."""

    status_code = 409


class TooManyAttempts(DomainError):
    """A limit on repeated attempts (failed sign-ins, registrations) refused this one; try again later."""

    status_code = 429
