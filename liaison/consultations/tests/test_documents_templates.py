"""The centre replaces the Attachment 3 template through intake's template registry."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.consultations.documents.build_template import (
    OPINION_REPLY_TEMPLATE,
    build_opinion_reply_template,
)
from liaison.consultations.documents.opinion_reply import opinion_reply_docx
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.tests.builders import reply_form
from liaison.core.docx_kit import a4_document, heading, key_value_table, line
from liaison.core.errors import DomainError
from liaison.intake.documents.registry import document_spec, registered_kinds
from liaison.intake.documents.sources import render_docx, sample_context
from liaison.intake.models import DocumentTemplate
from liaison.intake.services.templates import document_template_reset, document_template_upload
from liaison.intake.tests.test_views_support import docx_text

pytestmark = pytest.mark.django_db

FULL_ROWS = [
    ("项目", "{{ project_name }}"),
    ("事项", "{{ item_name }}"),
    ("部门", "{{ department }}"),
    ("意见", "{{ opinion }}"),
    ("依据", "{{ legal_basis }}"),
    ("签字", "{{ signer_name }} {{ signed_on }}"),
]


def template(
    rows: list[tuple[str, str]], *, title: str = "意见回复（中心2027版）", loops: bool = True
) -> bytes:
    doc = a4_document()
    heading(doc, title)
    key_value_table(doc, rows)
    if loops:
        line(doc, "{%p for c in conditions %}")
        line(doc, "条件{{ loop.index }}：{{ c }}")
        line(doc, "{%p endfor %}")
        line(doc, "{%p for m in materials %}")
        line(doc, "材料{{ m.seq }}：{{ m.name }}（{{ m.form }}{{ m.copies }}份）")
        line(doc, "{%p endfor %}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name: str = "意见回复表.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def reply(desk):
    return consultation_reply(actor=desk.guide, consultation=desk.raise_(), form=reply_form())


def test_the_opinion_reply_kind_is_registered_with_the_built_in_template():
    spec = document_spec("opinion_reply")
    assert spec is not None and spec.built_in == OPINION_REPLY_TEMPLATE
    assert {"materials", "conditions", "opinion"} <= spec.required
    assert [s.kind for s in registered_kinds()] == [
        "assignment_order",
        "entrustment_agreement",
        "opinion_reply",
        "handover_list",  # registered by liaison.closure
        "completion_form",
        "termination_form",
    ]


def test_the_built_in_template_fills_with_the_sample_data_including_every_optional_part():
    text = docx_text(render_docx(OPINION_REPLY_TEMPLATE.read_bytes(), sample_context("opinion_reply")))
    assert "示例商业综合体项目" in text and "地下空间开发利用方案" in text
    assert "补充告知说明" in text and "不能办理的原因" in text
    assert "{{" not in text and "{%" not in text


def test_an_uploaded_template_is_used_for_the_form_and_reset_brings_back_the_built_in_one(desk, reply):
    document_template_upload(
        actor=desk.world.center_admin, kind="opinion_reply", upload=upload(template(FULL_ROWS)), note="2027版"
    )

    text = docx_text(opinion_reply_docx(reply))

    assert "意见回复（中心2027版）" in text and "行业部门审批（服务）事项意见回复表" not in text
    assert "翠湖智造研发中心" in text
    assert "条件1：已取得国有土地使用权" in text
    assert "材料2：国有土地使用权出让合同（复印件2份）" in text

    document_template_reset(actor=desk.world.center_admin, kind="opinion_reply")
    assert "行业部门审批（服务）事项意见回复表" in docx_text(opinion_reply_docx(reply))


def test_the_built_in_template_itself_is_a_valid_upload(desk):
    saved = document_template_upload(
        actor=desk.world.center_admin,
        kind="opinion_reply",
        upload=upload(OPINION_REPLY_TEMPLATE.read_bytes()),
    )
    assert saved.is_active and saved.kind == "opinion_reply"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (template(FULL_ROWS, loops=False), "缺少必需的字段：{{ conditions }}、{{ materials }}"),
        (template([r for r in FULL_ROWS if r[0] != "意见"]), "缺少必需的字段：{{ opinion }}"),
        (template([*FULL_ROWS, ("派任", "{{ lead_officer }}")]), "不认识的字段：lead_officer"),
        (template([*FULL_ROWS, ("坏", "{%p if obstacles %}")]), "无法用示例数据生成"),
    ],
    ids=["no-lists", "no-opinion", "an-assignment-order-tag", "unclosed-block"],
)
def test_a_template_that_cannot_make_a_complete_form_is_refused(desk, reply, data, message):
    with pytest.raises(DomainError, match=message) as caught:
        document_template_upload(actor=desk.world.center_admin, kind="opinion_reply", upload=upload(data))

    assert caught.value.field == "file"
    assert not DocumentTemplate.objects.exists()
    assert "行业部门审批（服务）事项意见回复表" in docx_text(opinion_reply_docx(reply))


def test_the_assignment_order_template_is_refused_for_the_opinion_reply(desk):
    from liaison.intake.documents.build_templates import ORDER_TEMPLATE

    with pytest.raises(DomainError, match="不认识的字段"):
        document_template_upload(
            actor=desk.world.center_admin, kind="opinion_reply", upload=upload(ORDER_TEMPLATE.read_bytes())
        )


def test_the_committed_template_is_what_the_build_script_writes(tmp_path):
    def body(path: Path) -> bytes:
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    fresh = build_opinion_reply_template(tmp_path / OPINION_REPLY_TEMPLATE.name)
    assert body(fresh) == body(OPINION_REPLY_TEMPLATE), (
        "rebuild: python -m " + build_opinion_reply_template.__module__
    )
