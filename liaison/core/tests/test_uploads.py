"""Uploads are judged by their content, not their name, and kept within the size limit."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.core.errors import DomainError
from liaison.core.uploads import check_upload, sniff_kind


def office_zip(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<x/>")
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0....", "jpeg"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "doc"),
        (office_zip("word"), "docx"),
        (office_zip("xl"), "xlsx"),
        (plain_zip(), None),
        (b"PK\x03\x04 not really a zip", None),
        ("纯文本".encode(), None),
        (b"<html></html>", None),
    ],
    ids=["pdf", "png", "jpeg", "ole", "docx", "xlsx", "plain-zip", "fake-zip", "text", "html"],
)
def test_the_kind_comes_from_the_first_bytes_and_the_zip_directory(content, kind):
    assert sniff_kind(io.BytesIO(content)) == kind


def test_a_text_file_named_pdf_is_refused_with_the_accepted_kinds_listed():
    upload = SimpleUploadedFile("contract.pdf", b"just text", "application/pdf")
    with pytest.raises(DomainError, match=r"按文件内容识别.*PDF") as caught:
        check_upload(upload)
    assert caught.value.field == "file"


def test_an_accepted_file_reports_kind_type_size_and_checksum_and_is_rewound():
    data = b"%PDF-1.4\n" + b"x" * 5000
    upload = SimpleUploadedFile("scan.bin", data)
    checked = check_upload(upload)
    assert (checked.kind, checked.content_type, checked.size) == ("pdf", "application/pdf", len(data))
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert upload.read() == data


def test_an_oversized_file_is_refused_before_its_content_is_read(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(DomainError, match="超过上限"):
        check_upload(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 200))
    with pytest.raises(DomainError, match="超过上限"):
        check_upload(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20), max_bytes=10)


def test_an_empty_file_is_refused():
    with pytest.raises(DomainError, match="文件为空"):
        check_upload(SimpleUploadedFile("a.pdf", b""))


def test_a_kind_outside_the_allowed_set_is_refused():
    with pytest.raises(DomainError, match="仅接受：Word"):
        check_upload(SimpleUploadedFile("a.docx", b"%PDF-1.4"), allowed=frozenset({"docx"}))
