"""Validating every row of every sheet before anything is written."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from liaison.catalogue.exchange.checker import RowChecker, first_seen
from liaison.catalogue.exchange.columns import (
    DEPARTMENTS,
    GUIDES,
    ITEMS,
    MATERIALS,
    form_choices_text,
    form_from_text,
    split_codes,
    stage_choices_text,
    stage_from_text,
)
from liaison.catalogue.exchange.plan import (
    CatalogueState,
    DepartmentPlan,
    GuidePlan,
    ImportPlan,
    ItemPlan,
    MaterialPlan,
)
from liaison.catalogue.exchange.reader import ParsedWorkbook, RowError
from liaison.catalogue.graph import find_cycle

MOBILE_RE = re.compile(r"^1\d{10}$")
Progress = Callable[[int], None]


def _departments(parsed: ParsedWorkbook, state: CatalogueState, plan: ImportPlan, tick: Progress) -> None:
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for row in parsed.sheets.get(DEPARTMENTS.key, []):
        c = RowChecker(DEPARTMENTS, row, plan.errors)
        code, name = c.text("code", required=True), c.text("name", required=True)
        entry = DepartmentPlan(
            row=row.row,
            code=code,
            name=name,
            short_name=c.text("short_name"),
            address=c.text("address"),
            phone=c.text("phone"),
            sort_order=c.integer("sort_order", required=False, minimum=0) or 0,
            is_active=c.boolean("is_active"),
        )
        if code and (first := first_seen(seen_codes, code, row.row)):
            c.error("code", _("部门编码“%(code)s”与第 %(first)d 行重复") % {"code": code, "first": first})
        if name and (first := first_seen(seen_names, name, row.row)):
            c.error("name", _("部门名称“%(name)s”与第 %(first)d 行重复") % {"name": name, "first": first})
        owner = state.department_code_by_name.get(name)
        if name and owner and owner != code:
            c.error(
                "name", _("部门名称“%(name)s”已被部门编码“%(owner)s”使用") % {"name": name, "owner": owner}
            )
        if c.ok:
            plan.departments.append(entry)
        tick(1)


def _items(parsed: ParsedWorkbook, state: CatalogueState, plan: ImportPlan, tick: Progress) -> None:
    department_codes = set(state.departments) | {d.code for d in plan.departments}
    rows = parsed.sheets.get(ITEMS.key, [])
    item_codes = set(state.item_department) | {r.values.get("code", "") for r in rows}
    seen: dict[str, int] = {}
    for row in rows:
        c = RowChecker(ITEMS, row, plan.errors)
        code = c.text("code", required=True)
        department_code = c.text("department", required=True)
        entry = ItemPlan(
            row=row.row,
            code=code,
            name=c.text("name", required=True),
            department_code=department_code,
            stage=c.choice("stage", stage_from_text, stage_choices_text()),
            time_limit_days=c.integer("time_limit_days") or 0,
            statutory_limit_days=c.integer("statutory_limit_days", required=False),
            legal_basis=c.text("legal_basis"),
            fee_note=c.text("fee_note"),
            location=c.text("location"),
            conditions=c.text("conditions"),
            procedure=c.text("procedure"),
            prerequisites=list(dict.fromkeys(split_codes(c.raw("prerequisites")))),
            is_active=c.boolean("is_active"),
        )
        if code and (first := first_seen(seen, code, row.row)):
            c.error("code", _("事项编码“%(code)s”与第 %(first)d 行重复") % {"code": code, "first": first})
        if department_code and department_code not in department_codes:
            c.error("department", _("部门编码“%(code)s”不存在") % {"code": department_code})
        limit, statutory = entry.time_limit_days, entry.statutory_limit_days
        if limit and statutory and limit > statutory:
            c.error(
                "time_limit_days",
                _("承诺时限（%(limit)d 个工作日）不能超过法定时限（%(statutory)d 个工作日）")
                % {"limit": limit, "statutory": statutory},
            )
        for prerequisite in entry.prerequisites:
            if prerequisite == code:
                c.error("prerequisites", _("前置事项不能是事项本身（%(code)s）") % {"code": code})
            elif prerequisite not in item_codes:
                c.error("prerequisites", _("前置事项“%(code)s”不存在") % {"code": prerequisite})
        if c.ok:
            plan.items.append(entry)
        tick(1)


def _item_department(parsed: ParsedWorkbook, state: CatalogueState) -> dict[str, str]:
    """Item code -> department code, for items in the catalogue or in the sheet (even bad rows,
    so that one bad item row is not reported again by every material that names it)."""
    known = dict(state.item_department)
    for row in parsed.sheets.get(ITEMS.key, []):
        if row.values.get("code"):
            known[row.values["code"]] = row.values.get("department", "")
    return known


def _materials(parsed: ParsedWorkbook, state: CatalogueState, plan: ImportPlan, tick: Progress) -> None:
    item_department = _item_department(parsed, state)
    seen: dict[tuple[str, int], int] = {}
    for row in parsed.sheets.get(MATERIALS.key, []):
        c = RowChecker(MATERIALS, row, plan.errors)
        item_code = c.text("item", required=True)
        entry = MaterialPlan(
            row=row.row,
            item_code=item_code,
            seq=c.integer("seq") or 0,
            name=c.text("name", required=True),
            form=c.choice("form", form_from_text, form_choices_text()),
            copies=c.integer("copies", required=False) or 1,
            required=c.boolean("required"),
            issuing_body=c.text("issuing_body"),
            notes=c.text("notes"),
        )
        if item_code and item_code not in item_department:
            c.error("item", _("事项编码“%(code)s”不存在") % {"code": item_code})
        if entry.seq and (first := first_seen(seen, (item_code, entry.seq), row.row)):
            c.error(
                "seq",
                _("序号 %(seq)d 与第 %(first)d 行重复（同一事项）") % {"seq": entry.seq, "first": first},
            )
        if c.ok:
            plan.materials.append(entry)
        tick(1)


def _check_username(c: RowChecker, username: str) -> None:
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError:
        c.error("username", _("用户名“%(u)s”只能包含字母、数字和 @ . + - _") % {"u": username})


def _check_guide_person(c: RowChecker, state: CatalogueState, entry: GuidePlan, department: str) -> None:
    user = state.users.get(entry.username)
    if user is None:
        if not entry.full_name:
            c.error("full_name", _("新建用户“%(u)s”时「姓名」不能为空") % {"u": entry.username})
        return
    if not user.is_active:
        c.error("username", _("用户“%(u)s”已停用，不能担任指导员") % {"u": entry.username})
    elif user.enterprise_id is not None:
        c.error("username", _("用户“%(u)s”是项目单位人员，不能担任指导员") % {"u": entry.username})
    elif user.department is not None and user.department.code != department:
        c.error(
            "username",
            _("用户“%(u)s”属于%(dept)s，不能担任其他部门事项的指导员")
            % {"u": entry.username, "dept": user.department.name},
        )


def _consistent(first: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Two rows about one person agree where both say something (a blank cell says nothing)."""
    return all(not a or not b or a == b for a, b in zip(first, other, strict=True))


def _guides(parsed: ParsedWorkbook, state: CatalogueState, plan: ImportPlan, tick: Progress) -> None:
    item_department = _item_department(parsed, state)
    item_active = {**state.item_active, **{i.code: i.is_active for i in plan.items}}
    seen_items: dict[str, int] = {}
    people: dict[str, tuple[int, tuple[str, ...]]] = {}
    for row in parsed.sheets.get(GUIDES.key, []):
        c = RowChecker(GUIDES, row, plan.errors)
        item_code, username = c.text("item", required=True), c.text("username", required=True)
        entry = GuidePlan(
            row=row.row,
            item_code=item_code,
            username=username,
            full_name=c.text("full_name"),
            post=c.text("post"),
            office_phone=c.text("office_phone"),
            mobile=c.text("mobile"),
            start_date=c.date("start_date"),
        )
        if entry.mobile and not MOBILE_RE.match(entry.mobile):
            c.error("mobile", _("手机“%(v)s”应为 11 位手机号码") % {"v": entry.mobile})
        if item_code and (first := first_seen(seen_items, item_code, row.row)):
            c.error(
                "item",
                _("事项“%(code)s”已在第 %(first)d 行指定指导员（一个事项只有一名指导员）")
                % {"code": item_code, "first": first},
            )
        department = item_department.get(item_code)
        if item_code and department is None:
            c.error("item", _("事项编码“%(code)s”不存在") % {"code": item_code})
        if username:
            _check_username(c, username)
        if username and department and c.ok:
            _check_guide_person(c, state, entry, department)
            details = (department, entry.full_name, entry.post, entry.office_phone, entry.mobile)
            earlier = people.setdefault(username, (row.row, details))
            if not _consistent(earlier[1], details):
                c.error(
                    "username",
                    _("用户“%(u)s”的姓名、职务、电话或部门与第 %(first)d 行不一致")
                    % {"u": username, "first": earlier[0]},
                )
        current = state.current_guides.get(item_code)
        changing = current is None or current.guide.username != username
        if changing and not item_active.get(item_code, True):
            c.error("item", _("事项“%(code)s”已停用，不能变更指导员") % {"code": item_code})
        if changing and item_code in state.open_changes:
            c.error(
                "item",
                _("事项“%(code)s”有待登记的指导员变更申请，请先登记或退回后再导入") % {"code": item_code},
            )
        if current is not None and changing and entry.start_date and entry.start_date < current.start_date:
            c.error(
                "start_date",
                _("任职日期不能早于现任指导员“%(name)s”的任职日期（%(date)s）")
                % {"name": current.guide.display_name, "date": current.start_date.isoformat()},
            )
        if c.ok:
            plan.guides.append(entry)
        tick(1)


def _cycles(state: CatalogueState, plan: ImportPlan) -> None:
    graph = {code: set(prereqs) for code, prereqs in state.prerequisites.items()}
    graph.update({i.code: set(i.prerequisites) for i in plan.items})
    cycle = find_cycle({code: sorted(prereqs) for code, prereqs in sorted(graph.items())})
    if cycle is None:
        return
    rows = {i.code: i.row for i in plan.items}
    row = next((rows[code] for code in cycle if code in rows), None)
    plan.errors.append(
        RowError(
            ITEMS.title,
            row,
            ITEMS.columns[-2].header,
            _("前置事项形成循环：%(cycle)s") % {"cycle": " → ".join(cycle)},
        )
    )


def plan_build(parsed: ParsedWorkbook, *, progress: Progress | None = None) -> ImportPlan:
    """Check every row against the workbook itself and the current catalogue; collect all errors."""
    tick: Progress = progress or (lambda _n: None)
    plan = ImportPlan(errors=list(parsed.errors))
    if plan.errors:  # a missing column: row checks would only repeat it as noise
        return plan
    usernames = {r.values.get("username", "") for r in parsed.sheets.get(GUIDES.key, [])}
    state = CatalogueState.load(usernames=usernames)
    _departments(parsed, state, plan, tick)
    _items(parsed, state, plan, tick)
    _materials(parsed, state, plan, tick)
    _guides(parsed, state, plan, tick)
    if not plan.errors:
        _cycles(state, plan)
    return plan
