"""The custody register (Art. 10(6)): result documents enter it with the approval, the officer records what
the enterprise handed over and every movement (dated, logged, audited), refusals leave nothing behind, the
handover list is prepared from it and the enterprise's receipt hands the entries over."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.closure.models import CustodyEntry, CustodyMovement, HandoverLine, ServiceStep
from liaison.closure.services.completion import service_confirm_receipt, service_prepare_completion
from liaison.closure.services.custody import (
    custody_entry_add,
    custody_entry_attach_scan,
    custody_entry_move,
    custody_fields_clean,
)
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification
from liaison.tracking.services.results import project_item_record_result, result_document_clean
from liaison.tracking.tests.builders import Driver, pdf

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _result(number="建字第530102202600123号", **extra):
    return result_document_clean(
        name=extra.get("name", "建设工程规划许可证"),
        number=number,
        issuer="昆明市自然资源和规划局",
        issued_on=extra.get("issued_on", TODAY() - dt.timedelta(days=1)),
        upload=extra.get("upload"),
    )


def _approved(case, result=None):
    from liaison.tracking.services.project_items import project_item_approve

    w = case.world
    item = Driver(w.officer_user, w.guide, w.applicant).to(case.item, "accepted")
    return project_item_approve(actor=w.guide, project_item=item, result=result)


def _original(case, name="国有土地使用证（原件）"):
    fields = custody_fields_clean({"kind": "original", "name": name, "copies": 1, "pages": 4})
    received = TODAY() - dt.timedelta(days=3)
    return custody_entry_add(
        actor=case.world.officer_user, project=case.project, fields=fields, received_on=received
    )


def test_approving_with_the_result_document_puts_it_in_the_register(case):
    item = _approved(case, _result(upload=pdf()))
    entry = CustodyEntry.objects.get()
    assert (entry.project_item_id, entry.kind, entry.number, entry.state) == (
        item.pk,
        "result",
        "建字第530102202600123号",
        "held",
    )
    assert entry.holder == case.world.officer_user and bool(entry.scan)
    assert list(entry.movements.values_list("name", flat=True)) == ["receive"]
    assert AuditEvent.objects.filter(action="project_item.record_result").count() == 1
    assert AuditEvent.objects.filter(action="custody.receive", object_id=str(entry.pk)).exists()


def test_an_item_approved_without_its_result_is_recorded_later_by_the_officer_and_corrected(case):
    item = _approved(case)
    assert not CustodyEntry.objects.exists()
    project_item_record_result(actor=case.world.officer_user, project_item=item, result=_result("A-1"))
    project_item_record_result(actor=case.world.guide, project_item=item, result=_result("A-2"))
    entry = CustodyEntry.objects.get()  # corrected in place, not a second entry
    assert entry.number == "A-2" and entry.movements.count() == 1


def test_a_bad_result_document_is_refused_before_anything_is_saved(case):
    with pytest.raises(DomainError, match="文号"):
        _result(number="  ")
    with pytest.raises(DomainError, match="晚于今天"):
        _result(issued_on=TODAY() + dt.timedelta(days=3))
    item = _approved(case)
    with pytest.raises(PermissionDenied):
        project_item_record_result(actor=case.world.applicant, project_item=item, result=_result())
    assert not CustodyEntry.objects.exists()
    assert not AuditEvent.objects.filter(action="project_item.record_result").exists()


def test_every_movement_is_dated_logged_and_audited(case):
    entry = _original(case)
    officer = case.world.officer_user
    yesterday = TODAY() - dt.timedelta(days=1)
    lent = custody_entry_move(
        actor=officer, entry=entry, name="lend", on=yesterday, counterpart="五华区住房和城乡建设局"
    )
    assert (lent.state, lent.since, lent.counterpart) == ("lent", yesterday, "五华区住房和城乡建设局")
    back = custody_entry_move(actor=officer, entry=entry, name="give_back")
    assert (back.state, back.since, back.counterpart) == ("held", TODAY(), "")
    moved = custody_entry_move(actor=officer, entry=entry, name="relocate", location="中心档案柜 A-3")
    assert moved.location == "中心档案柜 A-3"
    names = list(CustodyMovement.objects.filter(entry=entry).values_list("name", "counterpart"))
    assert names == [
        ("receive", ""),
        ("lend", "五华区住房和城乡建设局"),
        ("give_back", "五华区住房和城乡建设局"),
        ("relocate", ""),
    ]
    actions = AuditEvent.objects.filter(object_id=str(entry.pk), action__startswith="custody.")
    assert sorted(actions.values_list("action", flat=True)) == sorted(
        ["custody.receive", "custody.lend", "custody.give_back", "custody.relocate"]
    )
    assert Notification.objects.filter(recipient=case.world.applicant, kind="custody.lend").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "lend"}, "借用部门"),
        ({"name": "give_back"}, "不能执行"),
        ({"name": "hand_over"}, "未知的流转操作"),
        ({"name": "lend", "counterpart": "住建局", "on": dt.date(2000, 1, 1)}, "不能早于"),
        ({"name": "lend", "counterpart": "住建局", "on": dt.date(2999, 1, 1)}, "不能晚于今天"),
        ({"name": "relocate"}, "存放位置"),
    ],
)
def test_a_refused_movement_leaves_nothing_behind(case, kwargs, message):
    entry = _original(case)
    with pytest.raises(DomainError, match=message):
        custody_entry_move(actor=case.world.officer_user, entry=entry, **kwargs)
    entry.refresh_from_db()
    assert entry.state == "held" and entry.movements.count() == 1
    assert AuditEvent.objects.filter(action__startswith="custody.").count() == 1


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("applicant", PermissionDenied),
        ("center_admin", PermissionDenied),
        ("supervisor", PermissionDenied),
        ("guide", NotFound),
        ("project_office", NotFound),
    ],
)
def test_only_the_projects_officer_writes_the_register(case, persona, error):
    entry = _original(case)
    user = case.world.persona(persona)
    fields = custody_fields_clean({"kind": "copy", "name": "营业执照"})
    with pytest.raises(error):
        custody_entry_add(actor=user, project=case.project, fields=fields)
    with pytest.raises(error):
        custody_entry_move(actor=user, entry=entry, name="lend", counterpart="住建局")
    with pytest.raises(error):
        custody_entry_attach_scan(actor=user, entry=entry, upload=pdf())
    with pytest.raises(NotFound):
        custody_entry_add(actor=case.other_officer.user, project=case.project, fields=fields)
    assert CustodyEntry.objects.count() == 1 and CustodyMovement.objects.count() == 1


def test_an_entry_needs_a_kind_and_a_name_and_a_real_scan(case):
    for data, message in (
        ({"kind": "result", "name": "x"}, "类别"),
        ({"kind": "original", "name": " "}, "资料名称"),
        ({"kind": "original", "name": "x", "copies": 0}, "份数"),
    ):
        with pytest.raises(DomainError, match=message):
            custody_fields_clean(data)
    fields = custody_fields_clean({"kind": "original", "name": "土地证"})
    fake = pdf(content=b"not a pdf at all")
    with pytest.raises(DomainError, match="文件类型"):
        custody_entry_add(actor=case.world.officer_user, project=case.project, fields=fields, scan=fake)
    assert not CustodyEntry.objects.exists()


def test_the_handover_list_is_prepared_from_the_register_and_receipt_hands_it_over(case):
    w = case.world
    _approved(case, _result())
    kept = _original(case, "项目单位营业执照（复印件）")
    service_prepare_completion(
        actor=w.officer_user,
        project=case.project,
        kept={kept.pk: "复印件已随申报材料由审批部门存档"},
        lines=[{"name": "会议纪要", "copies": 1}],
    )
    lines = list(HandoverLine.objects.order_by("position"))
    assert [(x.name, x.handed_over, x.custody_entry_id is not None) for x in lines] == [
        ("建设工程规划许可证", True, True),
        ("项目单位营业执照（复印件）", False, True),
        ("会议纪要", True, False),
    ]
    assert lines[0].number == "建字第530102202600123号"
    with pytest.raises(DomainError, match="等待确认"):  # the register stands still meanwhile
        custody_entry_move(actor=w.officer_user, entry=kept, name="relocate", location="档案柜")
    service_confirm_receipt(actor=w.applicant, project=case.project)
    states = dict(CustodyEntry.objects.values_list("name", "state"))
    assert states == {"建设工程规划许可证": "handed_over", "项目单位营业执照（复印件）": "held"}
    handed = CustodyEntry.objects.get(state="handed_over")
    assert handed.movements.last().name == "hand_over"
    assert AuditEvent.objects.filter(action="custody.hand_over", object_id=str(handed.pk)).exists()


def test_a_lent_document_or_a_keep_without_reason_refuses_the_list_and_saves_nothing(case):
    w = case.world
    entry = _original(case)
    custody_entry_move(actor=w.officer_user, entry=entry, name="lend", counterpart="住建局")
    from liaison.tracking.services.project_items import project_item_mark_not_needed

    project_item_mark_not_needed(actor=w.officer_user, project_item=case.item, reason="无需办理")
    with pytest.raises(DomainError, match="已借出"):
        service_prepare_completion(actor=w.officer_user, project=case.project)
    with pytest.raises(DomainError, match="未移交原因"):
        service_prepare_completion(actor=w.officer_user, project=case.project, kept={entry.pk: " "})
    with pytest.raises(DomainError, match="不在本项目"):
        service_prepare_completion(actor=w.officer_user, project=case.project, kept={10**9: "x"})
    assert not HandoverLine.objects.exists() and not ServiceStep.objects.exists()
    service_prepare_completion(actor=w.officer_user, project=case.project, kept={entry.pk: "仍在住建局审查"})
    assert HandoverLine.objects.get().not_handed_reason == "仍在住建局审查"
