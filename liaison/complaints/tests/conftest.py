"""Fixtures of the complaint tests: the closure tests' project (one item, its officer and guide) and the
personas of every role; media in a temporary directory."""

from __future__ import annotations

import pytest

from liaison.closure.tests.conftest import Case, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
