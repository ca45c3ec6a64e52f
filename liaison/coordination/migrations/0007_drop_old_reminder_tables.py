# The old reminder tables and threshold, now kept by the deadline engine (copied by 0006).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0006_reminders_to_deadline_engine"),
    ]

    operations = [
        migrations.RemoveField(model_name="coordinationsettings", name="yellow_threshold_days"),
        migrations.DeleteModel(name="ActionReminder"),
        migrations.DeleteModel(name="DifficultyReminder"),
    ]
