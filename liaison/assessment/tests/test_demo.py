"""The assessment load_demo adds: a published method, this quarter published with an adjusted score, this
year's period still a draft."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from liaison.assessment.models import (
    AssessmentMethod,
    AssessmentPeriod,
    MethodState,
    PeriodState,
    SubjectKind,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo")


def test_the_demo_has_a_published_and_a_draft_period_under_a_published_method(demo):
    method = AssessmentMethod.objects.get()
    assert (method.state, method.version) == (MethodState.PUBLISHED, 1)
    published = AssessmentPeriod.objects.get(state=PeriodState.PUBLISHED)
    assert AssessmentPeriod.objects.filter(state=PeriodState.DRAFT, kind="year").count() == 1
    kinds = set(published.results.values_list("subject_kind", flat=True))
    assert kinds == {SubjectKind.OFFICER, SubjectKind.GUIDE, SubjectKind.DEPARTMENT}
    adjusted = published.results.exclude(adjusted_score=None).get()
    assert adjusted.adjustment_reason and adjusted.adjusted_score != adjusted.computed_score
    assert published.results.filter(computed_score__isnull=False).count() >= 6
