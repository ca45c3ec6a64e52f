"""Fixtures of the evaluation tests: the closure tests' project (one item, its officer and guide), and
helpers that end its service or finish its item through the real services."""

from __future__ import annotations

import pytest

from liaison.closure.tests.conftest import Case, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _default_lists(db):
    """The lists migration 0002 seeds (a transactional test before this one may have flushed them)."""
    from liaison.evaluation.defaults import seed_default_lists
    from liaison.evaluation.models import BadReviewReason, SurveyQuestion

    seed_default_lists(BadReviewReason, SurveyQuestion)
