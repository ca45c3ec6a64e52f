"""Who may view the roster, export the catalogue workbook and import it (rules predicates)."""

from __future__ import annotations

from typing import Any

import rules

from liaison.catalogue.selectors.roster import roster_shows_full_phones
from liaison.directory.roles import Role


@rules.predicate
def can_view_roster(user: Any, obj: Any = None) -> bool:
    """Every signed-in user sees the roster; phone masking decides how much."""
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def can_export_catalogue(user: Any, obj: Any = None) -> bool:
    """The whole workbook carries guides' usernames and phones: only roles that see them in full."""
    return roster_shows_full_phones(user)


@rules.predicate
def can_import_catalogue(user: Any, obj: Any = None) -> bool:
    """Only the centre's staff register items and guides (Art. 5)."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))
