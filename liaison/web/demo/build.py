"""Builds the demo district through the same services the product uses."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from django.db import transaction

from liaison.assessment.demo import build_assessment_demo
from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.services.departments import department_create
from liaison.catalogue.services.guides import guide_assign, guide_change_propose
from liaison.catalogue.services.items import item_create
from liaison.closure.demo import build_closure_demo
from liaison.complaints.demo import build_complaints_demo
from liaison.consultations.demo import build_consultations_demo
from liaison.coordination.demo import build_coordination_demo
from liaison.core.codes import uscc_check_character
from liaison.directory.models import Department, Enterprise, User
from liaison.directory.roles import Role
from liaison.directory.services.enterprises import enterprise_create
from liaison.directory.services.passwords import password_record
from liaison.directory.services.users import user_create
from liaison.evaluation.demo import build_evaluation_demo
from liaison.officers.models import Officer
from liaison.officers.services.officer import officer_register
from liaison.portal.demo import build_portal_demo
from liaison.publicity.demo import build_publicity_demo
from liaison.supervision.demo import build_supervision_demo
from liaison.tracking.demo import build_tracking_demo
from liaison.web.demo.catalogue_data import (
    DEPARTMENTS,
    GIVEN,
    ITEMS,
    POSTS,
    SURNAMES,
    department_admin_username,
    guide_username,
)
from liaison.web.demo.intake_demo import build_intake_demo

ROSTER_START = dt.date(2026, 1, 5)
ENTERPRISES = [
    ("云南滇池星城置业有限公司", "91530102", "MA6K3XQ1", "昆明市五华区人民中路88号", "周海明"),
    ("昆明翠湖智造科技有限公司", "91530102", "MA6N2P4R", "昆明市五华区学府路156号", "沈晓兰"),
    ("云南普吉物流园开发有限公司", "91530102", "MA7B8C9D", "昆明市五华区普吉路22号", "杨建国"),
    ("五华区红云街道某村股份经济合作社", "N2530102", "MF0000A1", "昆明市五华区红云街道", "李永福"),
]


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "158", "187", "153"]) + f"{rng.randrange(10**8):08d}"


class DemoBuilder:
    def __init__(self, password: str, log: Callable[[str], None]) -> None:
        self.password = password
        self.log = log
        self.rng = random.Random(2026)  # noqa: S311 - sample data, not security

    def user(self, actor: Any, username: str, roles: list[str], **fields: Any) -> User:
        return user_create(
            actor=actor,
            username=username,
            password=self.password,
            roles=roles,
            email=f"{username}@demo.wuhua.gov.cn",
            **fields,
        )

    @transaction.atomic
    def build(self) -> None:
        admin = self.user(
            None, "center_admin", [Role.CENTER_ADMIN], full_name="赵敏（中心）", mobile=mobile(self.rng)
        )
        self.user(admin, "center_leader", [Role.CENTER_LEADER], full_name="钱志远（中心负责人）", post="主任")
        self.user(admin, "supervisor", [Role.SUPERVISOR], full_name="孙立清（区纪委监委）", post="监督检查室")
        self.user(
            admin, "project_office", [Role.PROJECT_OFFICE], full_name="吴建平（区项目办）", post="副主任"
        )
        # 三员分立: each administrator holds that one role and nothing else.
        self.user(admin, "system_admin", [Role.SYSTEM_ADMIN], full_name="周海（系统管理员）", post="信息科")
        self.user(
            admin, "security_admin", [Role.SECURITY_ADMIN], full_name="郑岚（安全管理员）", post="信息科"
        )
        self.user(admin, "audit_admin", [Role.AUDIT_ADMIN], full_name="冯静（审计管理员）", post="办公室")
        departments = self._departments(admin)
        items = self._items(admin, departments)
        self._guides(admin, departments, items)
        self._officers(admin)
        self._enterprises(admin)
        build_intake_demo(admin, self.log)
        build_tracking_demo(admin, self.log)
        build_consultations_demo(admin, self.log)
        build_coordination_demo(admin, self.log)
        build_closure_demo(admin, self.log)
        build_evaluation_demo(admin, self.log)
        build_assessment_demo(admin, self.log)
        build_complaints_demo(admin, self.log)
        build_supervision_demo(admin, self.log)
        build_publicity_demo(admin, self.log)
        build_portal_demo(admin, self.log)
        Department.objects.update(is_sample=True)
        ApprovalItem.objects.update(is_sample=True)
        Enterprise.objects.update(is_sample=True)
        Officer.objects.update(is_sample=True)

    def _departments(self, admin: User) -> dict[str, Department]:
        out = {}
        for order, (code, name, short, address, phone) in enumerate(DEPARTMENTS, start=1):
            out[code] = department_create(
                actor=admin,
                code=code,
                name=name,
                short_name=short,
                address=address,
                phone=phone,
                sort_order=order * 10,
            )
            self.user(
                admin,
                department_admin_username(code),
                [Role.DEPARTMENT_ADMIN],
                full_name=person_name(self.rng),
                department=out[code],
                post="审批科科长",
                mobile=mobile(self.rng),
                office_phone=phone,
            )
        self.log(f"{len(out)} departments")
        return out

    def _items(self, admin: User, departments: dict[str, Department]) -> dict[str, ApprovalItem]:
        created: dict[str, ApprovalItem] = {}
        pending = list(ITEMS)
        while pending:  # create prerequisites first
            progress = False
            for row in list(pending):
                code, name, dept, stage, limit, statutory, basis, fee, materials, prereqs = row
                if any(p not in created for p in prereqs):
                    continue
                created[code] = item_create(
                    actor=admin,
                    code=code,
                    name=name,
                    department=departments[dept],
                    stage=stage,
                    time_limit_days=limit,
                    statutory_limit_days=statutory,
                    legal_basis=basis,
                    fee_note=fee,
                    location=departments[dept].address + "（区投资服务中心综合窗口）",
                    materials=[
                        {
                            "name": m[0],
                            "form": m[1],
                            "copies": m[2],
                            "required": m[3],
                            "issuing_body": m[4],
                            "notes": "",
                        }
                        for m in materials
                    ],
                    prerequisite_ids=[created[p].pk for p in prereqs],
                )
                pending.remove(row)
                progress = True
            if not progress:
                raise RuntimeError(f"demo catalogue has unknown prerequisites: {[r[0] for r in pending]}")
        self.log(f"{len(created)} approval items")
        return created

    def _guides(
        self, admin: User, departments: dict[str, Department], items: dict[str, ApprovalItem]
    ) -> None:
        for n, (code, item) in enumerate(sorted(items.items()), start=1):
            dept = item.department
            guide = self.user(
                admin,
                guide_username(code),
                [Role.GUIDE],
                full_name=person_name(self.rng),
                department=dept,
                post=self.rng.choice(POSTS),
                mobile=mobile(self.rng),
                office_phone=f"{dept.phone[:-2]}{n:02d}",
            )
            guide_assign(
                actor=admin,
                item=item,
                guide=guide,
                effective_date=ROSTER_START,
                reason="五华区政务服务联络官审批服务专职指导员初始登记备案",
            )
            if code == "NRP-004":  # one item with history: its guide changed in the spring
                successor = self.user(
                    admin,
                    "guide_nrp_new",
                    [Role.GUIDE],
                    full_name=person_name(self.rng),
                    department=dept,
                    post="副科长",
                    mobile=mobile(self.rng),
                    office_phone=dept.phone,
                )
                guide_assign(
                    actor=admin,
                    item=item,
                    guide=successor,
                    effective_date=dt.date(2026, 4, 1),
                    reason="原指导员岗位调整，部门报送新任指导员",
                )
        # A proposal from the housing department waiting for the centre to register it.
        hcd_admin = User.objects.get(username=department_admin_username("HCD"))
        newcomer = self.user(
            admin,
            "guide_hcd_new",
            [Role.GUIDE],
            full_name=person_name(self.rng),
            department=departments["HCD"],
            post="一级科员",
            mobile=mobile(self.rng),
            office_phone=departments["HCD"].phone,
        )
        guide_change_propose(
            actor=hcd_admin,
            item=items["HCD-005"],
            new_guide=newcomer,
            effective_date=dt.date(2026, 12, 1),
            reason="原指导员借调市住建局，拟由新同志接任",
        )
        self.log(f"{len(items)} guides (one per item), 1 change in history, 1 proposal pending")

    def _officers(self, admin: User) -> None:
        units = ["区政务服务中心（投资服务中心）", "区投资促进局", "区政务服务中心（投资服务中心）"]
        for n in range(1, 7):
            officer = officer_register(
                actor=admin,
                username=f"officer{n}",
                full_name=person_name(self.rng),
                mobile=mobile(self.rng),
                unit=units[n % len(units)],
                registered_on=dt.date(2026, 1, 10),
                email=f"officer{n}@demo.wuhua.gov.cn",
            )
            officer.user.set_password(self.password)
            password_record(officer.user)  # demo accounts: no forced change at the first sign-in
        self.log("6 officers")

    def _enterprises(self, admin: User) -> None:
        for n, (name, prefix, org, address, legal) in enumerate(ENTERPRISES, start=1):
            code_body = (prefix + org + "0")[:17]
            enterprise = enterprise_create(
                actor=admin,
                name=name,
                uscc=code_body + uscc_check_character(code_body),
                address=address,
                legal_representative=legal,
            )
            if n <= 2:
                self.user(
                    admin,
                    f"applicant{n}",
                    [Role.APPLICANT],
                    full_name=person_name(self.rng),
                    enterprise=enterprise,
                    post="项目经办人",
                    mobile=mobile(self.rng),
                )
        self.log(f"{len(ENTERPRISES)} enterprises")
