"""Art. 8(1) thresholds as the 2021 Wuhua rules set them; the centre edits them as data afterwards."""

import datetime
from decimal import Decimal

from django.db import migrations

RULES_DATE = datetime.date(2021, 3, 26)


def forwards(apps, schema_editor):
    threshold = apps.get_model("intake", "EligibilityThreshold")
    threshold.objects.get_or_create(
        investment_source="domestic", effective_from=RULES_DATE,
        defaults={"amount": Decimal("20000000.00"), "currency": "CNY", "note": "实施细则第八条第（一）项"},
    )
    threshold.objects.get_or_create(
        investment_source="foreign", effective_from=RULES_DATE,
        defaults={"amount": Decimal("5000000.00"), "currency": "USD", "note": "实施细则第八条第（一）项"},
    )


def backwards(apps, schema_editor):
    apps.get_model("intake", "EligibilityThreshold").objects.filter(effective_from=RULES_DATE).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
