"""Fixtures of the portal tests: the rows migration 0002 seeds (a transactional test may have flushed them),
an empty cache for every test, and the closure tests' case (a dispatched project with one item)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from liaison.closure.tests.conftest import Case, case  # noqa: F401 - fixtures
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def _portal_rows(request):
    cache.clear()
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if uses_db:
        from liaison.portal.defaults import seed_published_documents
        from liaison.portal.models import DocumentVersion, PublishedDocument

        request.getfixturevalue("_django_db_helper")
        seed_published_documents(PublishedDocument, DocumentVersion)
    yield
    cache.clear()
