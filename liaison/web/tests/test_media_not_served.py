"""Uploaded files are reachable only through the permission-checked download views, in every mode."""

from __future__ import annotations

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import config.urls

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
def test_a_stored_file_is_not_served_from_media_url(client, settings, tmp_path, debug, django_user_model):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "materials").mkdir()
    (tmp_path / "materials" / "身份证.pdf").write_bytes(b"%PDF-1.4 secret")
    with override_settings(DEBUG=debug):
        clear_url_caches()
        importlib.reload(config.urls)
        try:
            client.force_login(django_user_model.objects.create_user(username="someone", password="x"))
            response = client.get(f"{settings.MEDIA_URL}materials/身份证.pdf")
            assert response.status_code == 404
            assert b"secret" not in b"".join(getattr(response, "streaming_content", [response.content]))
        finally:
            clear_url_caches()
            importlib.reload(config.urls)
