"""`manage.py otp_reset <username> --by <security administrator>`: take a user's second factor away
(audited, as the named administrator); they enrol anew. The same rule as the page
(`policies.can_reset_second_factor`): the security administrator (or a superuser), never for their own account.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import User
from liaison.directory.services.second_factor import second_factor_reset


class Command(BaseCommand):
    help = (
        "Reset a user's second factor (TOTP and recovery codes); they enrol again at the next request. "
        "--by names the security administrator (or superuser) doing it, who is recorded in the audit trail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", required=True, help="username of the security administrator resetting it")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        actor = User.objects.filter(username=options["by"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user named {options['by']!r}.")
        try:
            removed = second_factor_reset(actor=actor, user=user, via="manage.py otp_reset")
        except (PermissionDenied, DomainError) as exc:
            raise CommandError(str(exc.message)) from None
        self.stdout.write(
            f"Second factor of {user.username} reset by {actor.username} ({removed} device(s) removed)."
        )
