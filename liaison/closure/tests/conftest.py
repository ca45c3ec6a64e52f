"""Fixtures of the closure tests: the coordination tests' project (one item, its officer and guide)."""

from liaison.coordination.tests.conftest import Case, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
