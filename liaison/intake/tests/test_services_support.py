"""Builders for the intake domain tests: enterprises, projects and requests made through the real services.

This module holds no tests; test modules import the fixtures and builders they need.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.codes import USCC_ALPHABET, uscc_check_character
from liaison.directory.models import User
from liaison.intake.models import (
    Assignment,
    EligibilityThreshold,
    Entrustment,
    EntrustmentTransition,
    Project,
    ServiceNumberCounter,
)
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.enterprises import enterprise_register
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
    entrustment_withdraw,
)
from liaison.intake.services.projects import project_create
from liaison.intake.services.review import (
    entrustment_accept,
    entrustment_conclude,
    entrustment_reject,
    entrustment_return,
)
from liaison.intake.services.settings import eligibility_threshold_save, exchange_rate_save
from liaison.notifications.models import Notification
from liaison.officers.models import Officer
from liaison.officers.services.officer import officer_register

_serial = itertools.count(1)
PASSWORD = "Qiye-Passw0rd!2026"


def make_uscc(serial: int, first: str = "9") -> str:
    """A valid unified social credit code (GB 32100-2015) for test enterprises."""
    body = f"{first}1530102{serial:09d}"[:17]
    assert all(ch in USCC_ALPHABET for ch in body)
    return body + uscc_check_character(body)


def register_enterprise(name: str = "", *, username: str = "", email: str = "") -> User:
    """A self-registered enterprise and its first applicant account (the handler)."""
    n = next(_serial)
    return enterprise_register(
        name=name or f"测试置业有限公司{n}",
        uscc=make_uscc(n),
        address="昆明市五华区测试路1号",
        legal_representative="法人代表",
        username=username or f"qiye{n}",
        password=PASSWORD,
        email=email or f"qiye{n}@example.com",
        lead_name="项目负责人",
        lead_mobile=f"138{n:08d}",
        handler_name="项目经办人",
        handler_mobile=f"139{n:08d}",
    )


def register_officer(actor: User, username: str, *, user: User | None = None) -> Officer:
    n = next(_serial)
    return officer_register(
        actor=actor,
        username=user.username if user else username,
        full_name=user.full_name if user else f"联络官{username}",
        mobile=user.mobile if user and user.mobile else f"137{n:08d}",
        unit="区投资促进局",
        email=f"{username}@example.gov.cn",
    )


PROJECT_DEFAULTS: dict[str, Any] = {
    "name": "测试商业综合体",
    "location": "昆明市五华区",
    "content": "新建建筑面积约3万平方米。",
    "total_investment": Decimal("30000000.00"),
    "currency": "CNY",
    "investor_nature": "enterprise",
    "investment_source": "domestic",
    "key_level": "none",
    "current_stage": "approval_land",
}


def make_project(applicant: User, **overrides: Any) -> Project:
    return project_create(actor=applicant, **{**PROJECT_DEFAULTS, **overrides})


def usd_rate(actor: User, rate: str = "7.100000", on: dt.date | None = None) -> None:
    exchange_rate_save(
        actor=actor, currency="USD", cny_per_unit=Decimal(rate), effective_date=on or dt.date(2026, 1, 1)
    )


def ensure_thresholds(actor: User) -> None:
    """The Art. 8(1) thresholds of the data migration, again if a transactional test flushed them."""
    if EligibilityThreshold.objects.exists():
        return
    for source, amount, currency in (("domestic", "20000000.00", "CNY"), ("foreign", "5000000.00", "USD")):
        eligibility_threshold_save(
            actor=actor,
            investment_source=source,
            amount=Decimal(amount),
            currency=currency,
            effective_from=dt.date(2021, 3, 26),
        )


def request_in(
    state: str,
    *,
    applicant: User,
    admin: User,
    project: Project | None = None,
    officer: Officer | None = None,
) -> Entrustment:
    """A request brought to `state` through the services (accepted ones dispatched to `officer` if given)."""
    project = project or make_project(applicant)
    entrustment = entrustment_save_draft(actor=applicant, project=project, scope="full")
    if state == "draft":
        return entrustment
    entrustment = entrustment_submit(actor=applicant, entrustment=entrustment, accept_terms=True)
    if state == "submitted":
        return entrustment
    if state == "returned":
        return entrustment_return(actor=admin, entrustment=entrustment, missing=["用地红线图"])
    if state in ("accepted", "concluded"):
        entrustment = entrustment_accept(actor=admin, entrustment=entrustment)
        if officer is not None:
            assignment_dispatch(actor=admin, project=entrustment.project, lead=officer)
        if state == "concluded":  # the service ended (liaison.closure does this on completion or termination)
            entrustment = entrustment_conclude(actor=admin, entrustment=entrustment, comment="服务办结")
        return entrustment
    if state == "rejected":
        return entrustment_reject(actor=admin, entrustment=entrustment, reason="不符合范围")
    if state == "withdrawn":
        return entrustment_withdraw(actor=applicant, entrustment=entrustment, reason="暂缓")
    raise AssertionError(state)


def footprint(entrustment: Entrustment | None = None) -> dict[str, Any]:
    """Everything a refused action must leave as it was."""
    out: dict[str, Any] = {
        "audit": AuditEvent.objects.changes().count(),
        "notifications": Notification.objects.count(),
        "transitions": EntrustmentTransition.objects.count(),
        "entrustments": Entrustment.objects.count(),
        "assignments": list(Assignment.objects.values_list("pk", "is_active").order_by("pk")),
        "counters": list(ServiceNumberCounter.objects.values_list("year", "last")),
        "numbers": list(Project.objects.values_list("pk", "service_number").order_by("pk")),
    }
    if entrustment is not None:
        fresh = Entrustment.objects.get(pk=entrustment.pk)
        out["state"] = (fresh.status, fresh.version, fresh.decided_by_id, fresh.submitted_at)
    return out


def has_chinese(text: Any) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in str(text))


@dataclass
class World:
    center_admin: User
    center_leader: User
    supervisor: User
    project_office: User
    officer_user: User
    officer: Officer
    guide: User
    department_admin: User
    applicant: User
    other_applicant: User

    def persona(self, role: str) -> User:
        return getattr(self, role)


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(fast_passwords: None, request: pytest.FixtureRequest) -> World:
    """One person per role (the root conftest's personas), the officer registered, two enterprises."""
    persona = request.getfixturevalue
    center_admin, officer_user = persona("center_admin"), persona("officer_user")
    return World(
        center_admin=center_admin,
        center_leader=persona("center_leader"),
        supervisor=persona("supervisor"),
        project_office=persona("project_office"),
        officer_user=officer_user,
        officer=register_officer(center_admin, officer_user.username, user=officer_user),
        guide=persona("guide_user"),
        department_admin=persona("dept_admin"),
        applicant=register_enterprise("滇池置业有限公司"),
        other_applicant=register_enterprise("翠湖实业有限公司"),
    )
