"""Lodging complaints for the tests through the real service."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.complaints.services.lodge import Lodged, complaint_lodge

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRET_TEXT = "指导员向我索要好处费五千元才肯受理"
SECRET_NAME = "张秘密"
SECRET_PHONE = "13912345678"


def pdf(name: str = "转账记录.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def lodge_business(case: Any, **kw: Any) -> Lodged:
    w = case.world
    args: dict[str, Any] = {
        "actor": w.applicant,
        "track": "business",
        "subject_kind": "guide",
        "guide_id": w.guide.pk,
        "text": "指导员多次要求提交清单以外的材料，拖延两周未受理",
        "name": "王丽娟",
        "phone": "13888120002",
    }
    args.update(kw)
    return complaint_lodge(**args)


def lodge_integrity(case: Any, **kw: Any) -> Lodged:
    w = case.world
    args: dict[str, Any] = {
        "actor": None,
        "track": "integrity",
        "subject_kind": "guide",
        "guide_id": w.guide.pk,
        "text": SECRET_TEXT,
        "anonymous": True,
        "files": [pdf()],
    }
    args.update(kw)
    return complaint_lodge(**args)
