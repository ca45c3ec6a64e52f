"""`manage.py otp_reset <username>`: take a user's second factor away (audited); they enrol anew."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liaison.directory.models import User
from liaison.directory.services.second_factor import second_factor_reset


class Command(BaseCommand):
    help = "Reset a user's second factor (TOTP and recovery codes); they enrol again at the next request."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        removed = second_factor_reset(actor=None, user=user)
        self.stdout.write(f"Second factor of {user.username} reset ({removed} device(s) removed).")
