"""Fixtures of the assessment tests: the evaluation tests' project (one item, its officer and guide, a
second project of another officer) with the evaluation lists seeded."""

from liaison.evaluation.tests.conftest import Case, _default_lists, _media, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
