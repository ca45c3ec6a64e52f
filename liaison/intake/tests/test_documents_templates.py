"""The centre replaces the Word template of a document; a template that does not fill is refused."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from liaison.audit.models import AuditEvent
from liaison.core.docx_kit import a4_document, heading, key_value_table
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.documents import registry
from liaison.intake.documents.build_templates import (
    AGREEMENT_TEMPLATE,
    ORDER_TEMPLATE,
    build_agreement_template,
    build_order_template,
)
from liaison.intake.documents.render import assignment_order_docx
from liaison.intake.documents.sources import render_docx, sample_context
from liaison.intake.models import DocumentTemplate
from liaison.intake.selectors.documents import access_document_template, document_template_list
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.templates import document_template_reset, document_template_upload
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    request_in,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def order_template(title: str = "联络官派任通知", rows: list[tuple[str, str]] | None = None) -> bytes:
    doc = a4_document()
    heading(doc, "{{ region_name }}" + title)
    key_value_table(
        doc,
        rows
        or [
            ("服务编号", "{{ service_number }}"),
            ("项目", "{{ project_name }}"),
            ("主办", "{{ lead_officer }}"),
        ],
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def upload(data: bytes, name: str = "派任单模板.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def dispatched(world):
    project = request_in("accepted", applicant=world.applicant, admin=world.center_admin).project
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)
    project.refresh_from_db()
    return project


def paragraphs(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("kind", ["assignment_order", "entrustment_agreement"])
def test_the_built_in_templates_fill_with_the_sample_data(kind):
    from liaison.intake.documents.sources import BUILT_IN

    data = render_docx(BUILT_IN[kind].read_bytes(), sample_context(kind))
    doc = Document(io.BytesIO(data))
    cells = [cell.text for row in doc.tables[0].rows for cell in row.cells]
    text = "\n".join([paragraphs(data), *cells])
    assert "WH-2026-0001" in text and "示例商业综合体项目" in text
    assert "{{" not in text


def test_an_uploaded_template_is_used_for_the_order_from_then_on(world, dispatched):
    template = document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(order_template()), note="2026版"
    )

    data, _ = assignment_order_docx(project=dispatched)

    assert template.is_active and template.original_name == "派任单模板.docx"
    assert "五华区联络官派任通知" in paragraphs(data)
    cells = [row.cells[1].text for row in Document(io.BytesIO(data)).tables[0].rows]
    assert cells[0] == dispatched.service_number
    event = AuditEvent.objects.get(action="document_template.upload")
    assert event.changes["diff"]["active"] == ["系统内置模板", "派任单模板.docx"]


def test_a_newer_upload_replaces_the_active_one_and_history_is_kept(world, dispatched):
    first = document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(order_template("甲版"))
    )
    second = document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(order_template("乙版"), "乙.docx")
    )

    first.refresh_from_db()
    assert (first.is_active, second.is_active) == (False, True)
    assert "乙版" in paragraphs(assignment_order_docx(project=dispatched)[0])
    assert list(document_template_list(user=world.center_admin)) == [second, first]


def test_resetting_goes_back_to_the_built_in_template(world, dispatched):
    document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(order_template())
    )

    document_template_reset(actor=world.center_admin, kind="assignment_order")

    assert "政务服务联络官派任单" in paragraphs(assignment_order_docx(project=dispatched)[0])
    with pytest.raises(DomainError, match="已在使用系统内置模板"):
        document_template_reset(actor=world.center_admin, kind="assignment_order")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            order_template(
                rows=[
                    ("编号", "{{ service_number }}"),
                    ("项目", "{{ project_name }}"),
                    ("主办", "{{ lead_officer"),
                ]
            ),
            "无法用示例数据生成",
        ),
        (
            order_template(
                rows=[
                    ("编号", "{{ service_number }}"),
                    ("项目", "{{ project_name }}"),
                    ("主办", "{{ lead_officer }}"),
                    ("密", "{{ secret }}"),
                ]
            ),
            "不认识的字段：secret",
        ),
        (
            order_template(rows=[("编号", "{{ service_number }}"), ("项目", "{{ project_name }}")]),
            "缺少必需的字段：{{ lead_officer }}",
        ),
        (b"%PDF-1.4 not a word file", "按文件内容识别"),
        (b"PK\x03\x04 broken zip", "按文件内容识别"),
    ],
    ids=["broken-tag", "unknown-tag", "missing-required-tag", "a-pdf", "a-broken-zip"],
)
def test_a_template_that_does_not_fill_is_refused_and_the_current_one_stays(world, data, message):
    before = AuditEvent.objects.changes().count()
    with pytest.raises(DomainError, match=message) as caught:
        document_template_upload(actor=world.center_admin, kind="assignment_order", upload=upload(data))
    assert caught.value.field == "file"
    assert not DocumentTemplate.objects.exists()
    assert AuditEvent.objects.changes().count() == before


def test_an_agreement_template_is_refused_for_the_order(world):
    with pytest.raises(DomainError, match="不认识的字段：accepted_date"):
        document_template_upload(
            actor=world.center_admin, kind="assignment_order", upload=upload(AGREEMENT_TEMPLATE.read_bytes())
        )


def test_the_built_in_order_template_itself_is_a_valid_upload(world):
    template = document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(ORDER_TEMPLATE.read_bytes())
    )
    assert template.is_active


def test_an_unknown_kind_is_refused(world):
    with pytest.raises(DomainError, match="文书类型无效"):
        document_template_upload(actor=world.center_admin, kind="letter", upload=upload(order_template()))


@pytest.mark.parametrize("persona", ["center_leader", "supervisor", "applicant", "officer_user", "guide"])
def test_only_the_centre_replaces_templates(world, persona):
    actor = world.persona(persona)
    with pytest.raises(PermissionDenied):
        document_template_upload(actor=actor, kind="assignment_order", upload=upload(order_template()))
    with pytest.raises(PermissionDenied):
        document_template_reset(actor=actor, kind="assignment_order")
    assert not document_template_list(user=actor).exists()


def test_an_uploaded_template_is_readable_by_the_centre_only(world):
    template = document_template_upload(
        actor=world.center_admin, kind="assignment_order", upload=upload(order_template())
    )
    assert access_document_template(world.center_admin, template.pk) == template
    with pytest.raises(NotFound):
        access_document_template(world.applicant, template.pk)


@pytest.mark.parametrize(
    ("build", "committed"),
    [(build_order_template, ORDER_TEMPLATE), (build_agreement_template, AGREEMENT_TEMPLATE)],
    ids=["assignment_order", "entrustment_agreement"],
)
def test_the_committed_templates_are_what_the_build_script_writes(build, committed, tmp_path):
    def body(path: Path) -> bytes:
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml")

    assert body(build(tmp_path / committed.name)) == body(committed), "rebuild: python -m " + build.__module__


def test_a_context_part_may_fill_only_tags_the_kind_declares(monkeypatch):
    monkeypatch.setattr(registry, "_PARTS", {})
    registry.register_context_part("assignment_order", lambda project: {"planned_period": "x"})
    registry.register_context_part("assignment_order", lambda project: {"secret": "y"})

    with pytest.raises(ImproperlyConfigured, match="secret"):
        registry.context_parts("assignment_order", object())
