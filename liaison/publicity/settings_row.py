"""The centre's publicity settings row (created with the defaults on first use)."""

from liaison.publicity.models import PublicitySettings


def publicity_settings() -> PublicitySettings:
    row = PublicitySettings.objects.order_by("pk").first()
    return row or PublicitySettings.objects.create()
