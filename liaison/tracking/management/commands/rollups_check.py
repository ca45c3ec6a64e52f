"""Recompute every project's item roll-up and the centre's tallies (what the centre overview reads) and
repair any that differ.

The services keep them right in the same transaction as each change; this is the check after a
restore, a manual database edit or an import that bypassed them. It prints how many were repaired, and
whether the overview read from the tallies then equals the one computed from every roll-up and item.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.intake.models import Project
from liaison.tracking.selectors.dashboards import centre_overview
from liaison.tracking.selectors.overview_scan import centre_overview_scan
from liaison.tracking.services.rollups import rollups_rebuild
from liaison.tracking.services.tallies import tallies_rebuild


class Command(BaseCommand):
    help = "Recompute every project's item roll-up and the centre's tallies, repairing those that differ."

    def handle(self, *args: object, **options: Any) -> None:
        repaired = rollups_rebuild()
        tallies = tallies_rebuild()
        self.stdout.write(
            f"Checked {Project.objects.count()} projects: {repaired} roll-up(s) repaired, "
            f"{tallies} tally row(s) repaired."
        )
        if centre_overview() != centre_overview_scan():
            raise CommandError("The centre overview from the tallies differs from the one from the items.")
        self.stdout.write("The centre overview from the tallies equals the one from the items.")
