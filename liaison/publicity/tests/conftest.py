"""Fixtures of the publicity tests: media in a temporary folder, an editor and a drafter (a centre admin
taken out of the group 宣传编辑), and helpers that make articles and enquiries through the services."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from liaison.directory.roles import Role
from liaison.publicity.editors import editor_remove
from liaison.testing.personas import make_user


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def drafter(db):
    """A centre admin without the editor permission: drafts but does not publish."""
    user = make_user("drafter", roles=(Role.CENTER_ADMIN,), full_name="撰稿人")
    editor_remove(user)
    return user


def png_upload(name: str = "photo.png", size: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
