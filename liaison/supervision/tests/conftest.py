"""Fixtures of the supervision tests: the evaluation tests' project (one item, its officer and guide, a
second officer's project), and the evaluation lists a transactional test may have flushed."""

from __future__ import annotations

from liaison.evaluation.tests.conftest import _default_lists, _media, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
