"""The planned service period tracking fills on the assignment order (Attachment 2), Word and PDF."""

from __future__ import annotations

import pytest

from liaison.core.documents import docx_to_pdf
from liaison.intake.documents.render import assignment_order_docx
from liaison.intake.tests.test_documents import table_of
from liaison.intake.tests.test_views_support import pdf_text
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.plans import plan_confirm
from liaison.tracking.tests.builders import draft
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def _planned_end(project):
    return max(ProjectItem.objects.filter(project=project).values_list("planned_due", flat=True))


def test_the_order_prints_the_period_of_the_confirmed_plan_and_still_converts_to_pdf(track, tmp_path):
    draft(track.world, track.project, START)
    plan_confirm(actor=track.world.officer_user, project=track.project)
    end = _planned_end(track.project)

    track.project.refresh_from_db()  # the service number given on acceptance

    data, _name = assignment_order_docx(project=track.project)

    expected = f"{START:%Y年%m月%d日}至{end:%Y年%m月%d日}（依据服务方案第1版）"
    table = table_of(data)
    assert end > START
    assert table["计划服务期限"] == expected
    assert table["服务编号"] == track.project.service_number
    text = "".join(pdf_text(docx_to_pdf(data), tmp_path).split())
    for label in (
        "总投资",
        "3,000.00万元",
        "当前所处阶段",
        "代办范围依据",
        "第八条第（一）项",
        "计划服务期限",
    ):
        assert label in text, label
    assert "".join(expected.split()) in text
    assert "联络官签收" in text and "签收人" in text and "签发人" in text


def test_a_draft_plan_s_period_is_printed_as_not_yet_confirmed(track):
    draft(track.world, track.project, START)

    table = table_of(assignment_order_docx(project=track.project)[0])

    end = _planned_end(track.project)
    assert table["计划服务期限"] == f"{START:%Y年%m月%d日}至{end:%Y年%m月%d日}（依据服务方案草稿，尚未确认）"
