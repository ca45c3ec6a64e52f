"""Demo projects and requests in every state, through the intake services (including Art. 8 boundaries)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from liaison.catalogue.models import ApprovalItem
from liaison.directory.models import User
from liaison.intake.eligibility_defaults import default_thresholds_ensure
from liaison.intake.models import (
    Currency,
    ExchangeRate,
    InvestmentSource,
    InvestorNature,
    KeyProjectLevel,
    Project,
)
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.enterprises import enterprise_contact_change
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
    entrustment_withdraw,
)
from liaison.intake.services.projects import project_create
from liaison.intake.services.review import entrustment_accept, entrustment_reject, entrustment_return
from liaison.officers.models import Officer

RATES = [
    ("USD", "7.1050", dt.date(2026, 11, 2)),
    ("EUR", "8.2300", dt.date(2026, 11, 2)),
    ("HKD", "0.9131", dt.date(2026, 11, 2)),
    ("USD", "7.1420", dt.date(2026, 6, 1)),
]
CONTACTS = {
    "applicant1": (("lead", "周海明", "13888120001"), ("handler", "王丽娟", "13888120002")),
    "applicant2": (("lead", "沈晓兰", "13987650001"), ("handler", "陈志强", "13987650002")),
}


def _project(applicant: User, name: str, amount: str, **extra: Any) -> Project:
    fields: dict[str, Any] = {
        "name": name,
        "location": "昆明市五华区",
        "content": "新建建筑面积约3.2万平方米，含地下车库及配套设施。",
        "total_investment": Decimal(amount),
        "currency": Currency.CNY,
        "investor_nature": InvestorNature.ENTERPRISE,
        "investment_source": InvestmentSource.DOMESTIC,
        "key_level": KeyProjectLevel.NONE,
        "current_stage": "approval_land",
        **extra,
    }
    return project_create(actor=applicant, **fields)


def _items(*codes: str) -> list[int]:
    return list(ApprovalItem.objects.filter(code__in=codes).values_list("pk", flat=True))


def build_intake_demo(admin: User, log: Any) -> None:
    default_thresholds_ensure()
    for currency, rate, day in RATES:
        ExchangeRate.objects.create(
            currency=currency, cny_per_unit=Decimal(rate), effective_date=day, updated_by=admin
        )
    a1, a2 = User.objects.get(username="applicant1"), User.objects.get(username="applicant2")
    for applicant in (a1, a2):
        enterprise = applicant.enterprise
        assert enterprise is not None  # noqa: S101 - the demo applicants belong to enterprises
        for role, name, mobile in CONTACTS[applicant.username]:
            enterprise_contact_change(
                actor=applicant,
                enterprise=enterprise,
                role=role,
                name=name,
                mobile=mobile,
                since=dt.date(2026, 1, 1),
            )
    o1, o2, o3 = (Officer.objects.get(user__username=f"officer{n}") for n in (1, 2, 3))

    # Accepted and dispatched: a large domestic project, full entrustment.
    p = _project(
        a1,
        "滇池星城二期商业综合体",
        "350000000.00",
        national_code="2603-530102-04-01-100231",
        location="昆明市五华区滇池路与前兴路交叉口",
    )
    e = entrustment_save_draft(actor=a1, project=p, scope="full")
    entrustment_submit(actor=a1, entrustment=e, accept_terms=True)
    entrustment_accept(actor=admin, entrustment=e, comment="材料齐全，予以受理。")
    assignment_dispatch(actor=admin, project=p, lead=o1, assistants=[o2])

    # Accepted and dispatched: foreign investment of exactly US$5 million (the Art. 8(1) boundary).
    p = _project(
        a2,
        "翠湖智造研发中心",
        "5000000.00",
        currency=Currency.USD,
        investment_source=InvestmentSource.FOREIGN,
        current_stage="construction_license",
    )
    e = entrustment_save_draft(
        actor=a2, project=p, scope="partial", stages=["construction_license", "construction_permit"]
    )
    entrustment_submit(actor=a2, entrustment=e, accept_terms=True)
    entrustment_accept(actor=admin, entrustment=e)
    assignment_dispatch(actor=admin, project=p, lead=o1)

    # Accepted via Art. 8(2) only: a city-level key project below the amount threshold.
    p = _project(a1, "五华区城市更新示范片区配套工程", "12000000.00", key_level=KeyProjectLevel.CITY)
    e = entrustment_save_draft(
        actor=a1, project=p, scope="partial", item_ids=_items("NRP-001", "NRP-002", "DRC-001")
    )
    entrustment_submit(actor=a1, entrustment=e, accept_terms=True)
    entrustment_accept(actor=admin, entrustment=e)
    assignment_dispatch(actor=admin, project=p, lead=o3)

    # Waiting for review: exactly RMB 20 million (以上 includes the figure itself).
    p = _project(a1, "星城人才公寓", "20000000.00")
    e = entrustment_save_draft(actor=a1, project=p, scope="partial", stages=["approval_land"])
    entrustment_submit(actor=a1, entrustment=e, accept_terms=True)

    # Returned for more information, with an itemised list.
    p = _project(a2, "翠湖数据中心", "86000000.00")
    e = entrustment_save_draft(actor=a2, project=p, scope="full")
    entrustment_submit(actor=a2, entrustment=e, accept_terms=True)
    entrustment_return(
        actor=admin,
        entrustment=e,
        missing=["项目备案证明复印件", "用地红线图", "项目经办人授权委托书"],
        comment="请一次性补齐后重新提交。",
    )

    # Rejected: one cent below the threshold, no other clause, submitted with a reason.
    p = _project(a2, "智造厂房改造", "19999999.99")
    e = entrustment_save_draft(actor=a2, project=p, scope="partial", stages=["construction_permit"])
    entrustment_submit(
        actor=a2, entrustment=e, accept_terms=True, ineligible_reason="项目投资接近标准，恳请纳入代办。"
    )
    entrustment_reject(
        actor=admin, entrustment=e, reason="不符合实施细则第八条代办范围，建议通过综合窗口自行申办。"
    )

    # Withdrawn by the enterprise before review.
    p = _project(a2, "智造展示中心", "30000000.00")
    e = entrustment_save_draft(actor=a2, project=p, scope="full")
    entrustment_submit(actor=a2, entrustment=e, accept_terms=True)
    entrustment_withdraw(actor=a2, entrustment=e, reason="项目计划调整，暂缓申请。")

    # A draft saved to finish later.
    p = _project(a1, "滇池星城配套幼儿园", "26000000.00", investor_nature=InvestorNature.PRIVATE)
    entrustment_save_draft(actor=a1, project=p, scope="partial", stages=["construction_license"])
    Project.objects.update(is_sample=True)
    log("8 projects: requests accepted (3, dispatched), submitted, returned, rejected, withdrawn, draft")
