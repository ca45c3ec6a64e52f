"""Recovery codes issued before they were hashed (django-otp's StaticToken, plain text): each becomes a salted
HMAC-SHA256 digest in the user's RecoveryCodeDevice and the plain rows are deleted. The codes the users hold
keep working. Not reversible: the plain codes are gone (going back leaves the users without recovery codes
until they regenerate them)."""

from django.db import migrations

from liaison.directory.models.recovery import (
    recovery_code_digest,
    recovery_code_new_salt,
    recovery_code_normalise,
)


def hash_plain_codes(apps, schema_editor):
    StaticDevice = apps.get_model("otp_static", "StaticDevice")
    StaticToken = apps.get_model("otp_static", "StaticToken")
    RecoveryCodeDevice = apps.get_model("directory", "RecoveryCodeDevice")
    RecoveryCode = apps.get_model("directory", "RecoveryCode")
    for static in StaticDevice.objects.all().order_by("pk"):
        device = RecoveryCodeDevice.objects.create(
            user_id=static.user_id, name=static.name[:64], confirmed=static.confirmed
        )
        rows = []
        for token in StaticToken.objects.filter(device=static).values_list("token", flat=True):
            salt = recovery_code_new_salt()
            rows.append(
                RecoveryCode(device=device, salt=salt, digest=recovery_code_digest(recovery_code_normalise(token), salt))
            )
        RecoveryCode.objects.bulk_create(rows)
    StaticToken.objects.all().delete()
    StaticDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_recovery_code_digests"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_plain_codes, migrations.RunPython.noop)]
