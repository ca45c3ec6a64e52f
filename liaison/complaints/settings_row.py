"""The centre's complaint periods (created with the defaults on first use)."""

from liaison.complaints.models import ComplaintSettings


def complaint_settings() -> ComplaintSettings:
    row = ComplaintSettings.objects.order_by("pk").first()
    return row or ComplaintSettings.objects.create()
