"""Attachments: judged by content not name, within the size limit, only while the request is editable."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.models import EntrustmentAttachment
from liaison.intake.services.attachments import entrustment_attachment_add, entrustment_attachment_remove
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    request_in,
    world,
)

pytestmark = pytest.mark.django_db


def minimal_pdf(text: str = "Hello") -> bytes:
    """A small but well-formed one-page PDF."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def draft(world):
    return request_in("draft", applicant=world.applicant, admin=world.center_admin)


def test_a_real_pdf_is_accepted_with_its_checksum_and_type(world, draft, media):
    data = minimal_pdf()
    attachment = entrustment_attachment_add(
        actor=world.applicant,
        entrustment=draft,
        upload=SimpleUploadedFile("备案证明.pdf", data, "application/pdf"),
        description="项目备案证明",
    )

    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert (attachment.content_type, attachment.size, attachment.original_name) == (
        "application/pdf",
        len(data),
        "备案证明.pdf",
    )
    assert Path(attachment.file.path).read_bytes() == data
    assert (
        AuditEvent.objects.get(action="entrustment.attachment_add").changes["diff"]["sha256"][1]
        == attachment.sha256
    )


def test_a_text_file_named_pdf_is_refused_and_nothing_is_saved(world, draft, media):
    fake = SimpleUploadedFile("合同.pdf", "这不是PDF文件".encode(), "application/pdf")
    audit = AuditEvent.objects.count()

    with pytest.raises(DomainError, match="按文件内容识别") as caught:
        entrustment_attachment_add(actor=world.applicant, entrustment=draft, upload=fake)

    assert caught.value.field == "file"
    assert not EntrustmentAttachment.objects.exists()
    assert stored_files(media) == []
    assert AuditEvent.objects.count() == audit


def test_a_real_pdf_with_another_extension_is_stored_as_what_it_is(world, draft):
    attachment = entrustment_attachment_add(
        actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("scan.jpg", minimal_pdf())
    )
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name.endswith(".pdf")


def test_a_file_over_the_size_limit_is_refused(world, draft, media, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    big = minimal_pdf("X" * 2000)
    with pytest.raises(DomainError, match="超过上限") as caught:
        entrustment_attachment_add(
            actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("big.pdf", big)
        )
    assert caught.value.field == "file"
    assert not EntrustmentAttachment.objects.exists()
    assert stored_files(media) == []


def test_an_empty_file_is_refused(world, draft):
    with pytest.raises(DomainError, match="文件为空"):
        entrustment_attachment_add(
            actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("a.pdf", b"")
        )


def test_the_same_file_twice_is_refused(world, draft):
    data = minimal_pdf()
    entrustment_attachment_add(
        actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("a.pdf", data)
    )
    with pytest.raises(DomainError, match=r"相同内容的文件已上传（a\.pdf）"):
        entrustment_attachment_add(
            actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("b.pdf", data)
        )
    assert EntrustmentAttachment.objects.count() == 1


def test_a_returned_request_accepts_new_attachments(world):
    returned = request_in("returned", applicant=world.applicant, admin=world.center_admin)
    upload = SimpleUploadedFile("红线图.pdf", minimal_pdf("redline"))
    assert entrustment_attachment_add(actor=world.applicant, entrustment=returned, upload=upload).pk


@pytest.mark.parametrize("state", ["submitted", "accepted", "rejected", "withdrawn"])
def test_attachments_are_refused_once_the_request_is_no_longer_editable(world, state, media):
    entrustment = request_in(state, applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(DomainError, match="只有草稿或退回补充的申请可以增删附件"):
        entrustment_attachment_add(
            actor=world.applicant, entrustment=entrustment, upload=SimpleUploadedFile("a.pdf", minimal_pdf())
        )
    assert stored_files(media) == []


@pytest.mark.parametrize(("persona", "error"), [("other_applicant", NotFound), ("center_admin", NotFound)])
def test_only_the_enterprise_attaches_files_to_its_draft(world, draft, persona, error):
    with pytest.raises(error):
        entrustment_attachment_add(
            actor=world.persona(persona), entrustment=draft, upload=SimpleUploadedFile("a.pdf", minimal_pdf())
        )


def test_the_centre_sees_a_returned_request_but_may_not_attach_to_it(world):
    returned = request_in("returned", applicant=world.applicant, admin=world.center_admin)
    with pytest.raises(PermissionDenied, match="本项目单位"):
        entrustment_attachment_add(
            actor=world.center_admin, entrustment=returned, upload=SimpleUploadedFile("a.pdf", minimal_pdf())
        )


def test_an_attachment_can_be_removed_while_the_request_is_a_draft(
    world, draft, media, django_capture_on_commit_callbacks
):
    attachment = entrustment_attachment_add(
        actor=world.applicant, entrustment=draft, upload=SimpleUploadedFile("a.pdf", minimal_pdf())
    )
    with django_capture_on_commit_callbacks(execute=True):
        entrustment_attachment_remove(actor=world.applicant, attachment=attachment)
    assert not EntrustmentAttachment.objects.exists()
    assert stored_files(media) == []
    assert AuditEvent.objects.filter(action="entrustment.attachment_remove").exists()
