"""Builders shared by the intake page, API and browser tests: every object made through the real services."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
from django.test import Client

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.services.items import item_create
from liaison.core.codes import uscc_check_character
from liaison.directory.models import Department, User
from liaison.directory.services.tokens import api_token_create
from liaison.intake.models import Entrustment, ExchangeRate, Project
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.enterprises import enterprise_register
from liaison.intake.services.entrustments import entrustment_save_draft, entrustment_submit
from liaison.intake.services.projects import project_create
from liaison.intake.services.review import entrustment_accept
from liaison.intake.services.settings import exchange_rate_save
from liaison.officers.models import Officer
from liaison.officers.services.officer import officer_register
from liaison.testing.personas import PASSWORD

_seq = itertools.count(1)


def uscc(n: int) -> str:
    """A valid unified social credit code (GB 32100-2015) for test enterprise number `n`."""
    first17 = f"91530102{n:09d}"
    return first17 + uscc_check_character(first17)


def register_applicant(username: str = "", *, name: str = "", handler_mobile: str = "") -> User:
    """A self-registered enterprise and its applicant account (with lead and handler)."""
    n = next(_seq)
    return enterprise_register(
        name=name or f"云南测试置业有限公司{n}",
        uscc=uscc(1000 + n),
        address="昆明市五华区人民中路1号",
        legal_representative="李建国",
        username=username or f"applicant_{n}",
        password=PASSWORD,
        email=f"ent{n}@example.com",
        lead_name="周海明",
        lead_mobile="13888120001",
        handler_name="王丽娟",
        handler_mobile=handler_mobile or "13888120002",
    )


def make_officer(admin: User, username: str = "", full_name: str = "") -> Officer:
    n = next(_seq)
    officer = officer_register(
        actor=admin,
        username=username or f"officer_{n}",
        full_name=full_name or f"联络官{n}",
        mobile=f"1370000{n:04d}",
        unit="五华区政务服务中心",
        password=PASSWORD,
    )
    # As after the officer's first sign-in: the password the centre set has been changed.
    User.objects.filter(pk=officer.user_id).update(must_change_password=False)
    officer.user.must_change_password = False
    return officer


def make_item(
    admin: User, department: Department, stage: str = "approval_land", code: str = ""
) -> ApprovalItem:
    n = next(_seq)
    return item_create(
        actor=admin,
        code=code or f"DRC-T{n:03d}",
        name=f"企业投资项目备案{n}",
        department=department,
        stage=stage,
        time_limit_days=5,
    )


def make_project(applicant: User, name: str = "", **extra: Any) -> Project:
    fields: dict[str, Any] = {
        "name": name or f"滇池星城测试项目{next(_seq)}",
        "location": "昆明市五华区滇池路",
        "content": "新建建筑面积约3.2万平方米。",
        "total_investment": Decimal("35000000.00"),
        "currency": "CNY",
        "investor_nature": "enterprise",
        "investment_source": "domestic",
        "key_level": "none",
        "current_stage": "approval_land",
        **extra,
    }
    return project_create(actor=applicant, **fields)


def make_draft(applicant: User, project: Project | None = None, **scope: Any) -> Entrustment:
    project = project or make_project(applicant)
    kwargs = {"scope": "partial", "stages": ["approval_land"], **scope}
    return entrustment_save_draft(actor=applicant, project=project, **kwargs)


def make_submitted(applicant: User, project: Project | None = None, **scope: Any) -> Entrustment:
    entrustment = make_draft(applicant, project, **scope)
    return entrustment_submit(actor=applicant, entrustment=entrustment, accept_terms=True)


def make_accepted(applicant: User, admin: User, project: Project | None = None) -> Entrustment:
    return entrustment_accept(actor=admin, entrustment=make_submitted(applicant, project))


def make_dispatched(
    applicant: User, admin: User, officer: Officer, project: Project | None = None
) -> Project:
    entrustment = make_accepted(applicant, admin, project)
    assignment_dispatch(actor=admin, project=entrustment.project, lead=officer)
    return Project.objects.get(pk=entrustment.project_id)


def add_usd_rate(admin: User, rate: str = "7.1000", on: dt.date | None = None) -> ExchangeRate:
    return exchange_rate_save(
        actor=admin, currency="USD", cny_per_unit=Decimal(rate), effective_date=on or dt.date(2020, 1, 1)
    )


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api_client(user: User) -> dict[str, str]:
    """Headers authenticating as `user` with a personal API token."""
    _token, secret = api_token_create(user=user, name="测试", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, as python-docx reads it."""
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def pdf_text(data: bytes, directory: Path) -> str:
    """The text of a PDF as pdftotext (poppler) extracts it."""
    path = directory / "document.pdf"
    path.write_bytes(data)
    binary = shutil.which("pdftotext") or "/usr/bin/pdftotext"
    return subprocess.run([binary, str(path), "-"], capture_output=True, check=True, text=True).stdout
