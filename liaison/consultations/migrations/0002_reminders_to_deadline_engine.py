"""Carry consultations' reply-reminder history and thresholds into the deadline engine.

The old code's gate was the notification itself ("consultation:7:reminder:2026-09-29:overdue2"); each
becomes a ReminderSent row of the kind "consultation.reply", so that the job run right after the upgrade
sends nothing that was already sent. The thresholds become that kind's settings.
"""

import datetime as dt
import re

from django.db import migrations

KEY = re.compile(r"^consultation:(\d+):reminder:(\d{4}-\d{2}-\d{2}):(yellow|red|overdue(\d+))$")


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    ReminderSent = apps.get_model("deadlines", "ReminderSent")
    DeadlineSettings = apps.get_model("deadlines", "DeadlineSettings")
    ConsultationSettings = apps.get_model("consultations", "ConsultationSettings")
    rows = []
    notes = Notification.objects.filter(kind="consultation.reminder")
    for recipient_id, event_key in notes.values_list("recipient_id", "event_key").iterator():
        match = KEY.match(event_key)
        if not match:
            continue
        pk, due, step, repeat = match.groups()
        rows.append(
            ReminderSent(
                kind="consultation.reply",
                subject_id=int(pk),
                due_on=dt.date.fromisoformat(due),
                threshold="overdue" if repeat else step,
                repeat_no=int(repeat) if repeat else 0,
                recipient_id=recipient_id,
            )
        )
    ReminderSent.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    row = ConsultationSettings.objects.filter(pk=1).first()
    if row is not None:
        DeadlineSettings.objects.update_or_create(
            kind="consultation.reply",
            defaults={"warning_days": row.yellow_threshold_days, "repeat_days": row.overdue_repeat_days},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("deadlines", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
