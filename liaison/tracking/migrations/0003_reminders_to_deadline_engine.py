"""Carry tracking's reminder history and thresholds into the deadline engine (liaison.deadlines).

Each threshold reminder the old code sent left one notification per recipient whose event key names the
crossing ("reminder.red:project_item12:2026-10-13:0"); each becomes a ReminderSent row, so that the
reminder job run right after the upgrade sends nothing that was already sent. The thresholds become the
settings of the kinds "tracking.item" and "tracking.obligation". The urges (催办) stay in ReminderLog.
"""

import datetime as dt

from django.db import migrations

THRESHOLDS = {"yellow", "red", "overdue"}
SUBJECTS = {"project_item": "tracking.item", "obligation": "tracking.obligation"}


def parse(event_key):
    """(kind, subject id, due date, threshold, repeat) of an old tracking reminder key, or None."""
    try:
        message_kind, subject, due, seq = event_key.split(":")
        family, threshold = message_kind.split(".")
        for prefix, kind in SUBJECTS.items():
            if subject.startswith(prefix) and subject[len(prefix):].isdigit():
                if threshold in THRESHOLDS and family in {"reminder", "obligation"}:
                    return kind, int(subject[len(prefix):]), dt.date.fromisoformat(due), threshold, int(seq)
    except ValueError:
        return None
    return None


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    ReminderSent = apps.get_model("deadlines", "ReminderSent")
    DeadlineSettings = apps.get_model("deadlines", "DeadlineSettings")
    ReminderLog = apps.get_model("tracking", "ReminderLog")
    TrackingSettings = apps.get_model("tracking", "TrackingSettings")
    rows = []
    notes = Notification.objects.filter(kind__regex=r"^(reminder|obligation)\.(yellow|red|overdue)$")
    for recipient_id, event_key in notes.values_list("recipient_id", "event_key").iterator():
        parsed = parse(event_key)
        if parsed:
            kind, subject_id, due, threshold, seq = parsed
            rows.append(
                ReminderSent(
                    kind=kind,
                    subject_id=subject_id,
                    due_on=due,
                    threshold=threshold,
                    repeat_no=seq,
                    recipient_id=recipient_id,
                )
            )
    ReminderSent.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    ReminderLog.objects.exclude(kind="urge").delete()
    row = TrackingSettings.objects.filter(pk=1).first()
    if row is not None:
        for kind in SUBJECTS.values():
            DeadlineSettings.objects.update_or_create(
                kind=kind,
                defaults={"warning_days": row.yellow_threshold_days, "repeat_days": row.overdue_repeat_days},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("tracking", "0002_project_rollup"),
        ("deadlines", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
