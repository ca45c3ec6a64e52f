"""The demo has complaints on both tracks in every state and one moved each way."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from liaison.complaints.models import BusinessState, Complaint, IntegrityState, Transfer

pytestmark = pytest.mark.django_db


def test_the_demo_complaints(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("load_demo")
    business = set(Complaint.objects.filter(track="business").values_list("state", flat=True))
    integrity = set(Complaint.objects.filter(track="integrity").values_list("state", flat=True))
    assert business == set(BusinessState.values) - {BusinessState.TRANSFERRED}
    assert integrity == set(IntegrityState.values) - {IntegrityState.TRANSFERRED}
    assert set(Transfer.objects.values_list("to_track", flat=True)) == {"business", "integrity"}
    assert not Complaint.objects.filter(track="integrity").exclude(text="").exists()
