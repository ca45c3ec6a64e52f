"""/healthz answers load balancers: 200 while the database answers, 503 when it does not."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import connection
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthy_with_a_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_unavailable_when_the_database_is_unreachable(client):
    # The database server is outside the process: make the connection fail as a dead server would.
    refused = OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")
    with mock.patch.object(connection, "cursor", side_effect=refused):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_health_needs_no_login_and_only_answers_get(client, db):
    assert client.post("/healthz").status_code == 405
