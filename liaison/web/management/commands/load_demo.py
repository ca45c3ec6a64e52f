import os

from django.core.management.base import BaseCommand, CommandError

from liaison.directory.models import Department, User
from liaison.web.demo.build import DemoBuilder


class Command(BaseCommand):
    help = "Load the sample district (departments, items, guides, officers, enterprises, demo accounts)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when data already exists.")

    def handle(self, *args: object, **options: object) -> None:
        if Department.objects.exists() or User.objects.filter(username="center_admin").exists():
            if options["if_empty"]:
                self.stdout.write("Demo data not loaded: the database already has data.")
                return
            raise CommandError("The database already has data; load_demo only fills an empty database.")
        password = os.environ.get("DEMO_PASSWORD", "Liaison@2026")
        DemoBuilder(password, lambda msg: self.stdout.write(f"  {msg}")).build()
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Password of every demo account: {password}"))
