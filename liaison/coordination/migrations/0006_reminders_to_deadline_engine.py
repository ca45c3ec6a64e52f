"""Carry coordination's reminder history and threshold into the deadline engine.

Each DifficultyReminder / ActionReminder row becomes one ReminderSent row per recipient its notification
reached ("difficulty-reminder:4:red:2026-10-13", "meeting-action-reminder:2:yellow:2026-10-20"), so that
the job run right after the upgrade sends nothing that was already sent. The old tables go in the next
migration. The warning days become the settings of "coordination.difficulty" and "coordination.action";
both now repeat while overdue like items do (every 3 working days by default).
"""

from django.db import migrations


def _copy(Notification, ReminderSent, rows, *, kind, prefix, subject_field):
    out = []
    for r in rows:
        subject_id = getattr(r, subject_field)
        key = f"{prefix}:{subject_id}:{r.kind}:{r.due_on.isoformat()}"
        for recipient_id in Notification.objects.filter(event_key=key).values_list("recipient_id", flat=True):
            out.append(
                ReminderSent(
                    kind=kind,
                    subject_id=subject_id,
                    due_on=r.due_on,
                    threshold=r.kind,
                    repeat_no=0,
                    recipient_id=recipient_id,
                )
            )
    ReminderSent.objects.bulk_create(out, batch_size=2000, ignore_conflicts=True)


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    ReminderSent = apps.get_model("deadlines", "ReminderSent")
    DeadlineSettings = apps.get_model("deadlines", "DeadlineSettings")
    _copy(
        Notification,
        ReminderSent,
        apps.get_model("coordination", "DifficultyReminder").objects.all(),
        kind="coordination.difficulty",
        prefix="difficulty-reminder",
        subject_field="difficulty_id",
    )
    _copy(
        Notification,
        ReminderSent,
        apps.get_model("coordination", "ActionReminder").objects.all(),
        kind="coordination.action",
        prefix="meeting-action-reminder",
        subject_field="action_id",
    )
    row = apps.get_model("coordination", "CoordinationSettings").objects.filter(pk=1).first()
    if row is not None:
        for kind in ("coordination.difficulty", "coordination.action"):
            DeadlineSettings.objects.update_or_create(
                kind=kind, defaults={"warning_days": row.yellow_threshold_days, "repeat_days": 3}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0005_meeting_serial"),
        ("deadlines", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
