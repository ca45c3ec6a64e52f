"""The implementing rules as the first published version (shipped in liaison/portal/content/), and the
centre's working system as a document waiting for its first version."""

from django.db import migrations

from liaison.portal.defaults import seed_published_documents


def forwards(apps, schema_editor):
    seed_published_documents(apps.get_model("portal", "PublishedDocument"), apps.get_model("portal", "DocumentVersion"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
