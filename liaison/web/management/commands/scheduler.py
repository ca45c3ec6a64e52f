"""Enqueue every periodic job for the background worker (`db_worker`) every N minutes.

The jobs are listed once, as data, in PERIODIC_JOBS. Two schedulers at once do no harm: each job
sends every reminder exactly once (see the services they call).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.audit.tasks import audit_head_export_job
from liaison.catalogue.exchange.tasks import import_jobs_fail_stale_job
from liaison.closure.tasks import closure_reminders_job
from liaison.complaints.tasks import complaint_reminders_job
from liaison.consultations.tasks import consultation_reminders_job
from liaison.coordination.tasks import coordination_reminders_job
from liaison.core.periodic import enqueue_periodically
from liaison.core.tasks import export_jobs_expire_job
from liaison.evaluation.tasks import evaluation_reminders_job, return_visits_plan_job
from liaison.notifications.jobs import notification_emails_sweep_job
from liaison.publicity.tasks import publicity_reminders_job
from liaison.supervision.tasks import supervision_reminders_job
from liaison.tracking.tasks import tracking_reminders_run

PERIODIC_JOBS = (
    tracking_reminders_run,
    consultation_reminders_job,
    coordination_reminders_job,
    closure_reminders_job,
    evaluation_reminders_job,
    return_visits_plan_job,
    complaint_reminders_job,
    supervision_reminders_job,
    publicity_reminders_job,
    audit_head_export_job,
    export_jobs_expire_job,
    import_jobs_fail_stale_job,
    notification_emails_sweep_job,
)


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (reminders) every --interval minutes (--once: enqueue them once and exit)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=15.0, help="Minutes between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Enqueue each job once and exit.")

    def handle(self, *args: object, **options: Any) -> None:
        if float(options["interval"]) <= 0:
            raise CommandError("--interval must be a positive number of minutes.")
        enqueue_periodically(
            PERIODIC_JOBS,
            interval_minutes=float(options["interval"]),
            once=options["once"],
            write=self.stdout.write,
        )
