"""The centre's starting lists: bad-review reasons and survey questions (the centre may add and disable)."""

from django.db import migrations

from liaison.evaluation.defaults import seed_default_lists


def forwards(apps, schema_editor):
    seed_default_lists(apps.get_model("evaluation", "BadReviewReason"), apps.get_model("evaluation", "SurveyQuestion"))


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
