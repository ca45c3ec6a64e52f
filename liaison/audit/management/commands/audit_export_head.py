from django.core.management.base import BaseCommand

from liaison.audit.services.anchors import audit_head_export


class Command(BaseCommand):
    help = "Append the audit chain's head to AUDIT_HEAD_LOG (and the liaison.audit.head logger)."

    def handle(self, *args: object, **options: object) -> None:
        anchor = audit_head_export()
        if anchor is None:
            self.stdout.write(
                "Nothing new to write: the head is the one written last (or the trail is empty)."
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Audit chain head written: #{anchor.seq} {anchor.hash}"))
