"""文书模板 page: the centre downloads, replaces and resets the Word templates; others see no page."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from liaison.intake.models import DocumentTemplate
from liaison.intake.tests.test_documents_templates import media, order_template  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def _as(client, user):
    client.force_login(user)
    return client


def test_the_page_lists_every_registered_document(client, world):
    page = _as(client, world.center_admin).get(reverse("intake:document_templates"))
    body = page.content.decode()
    assert page.status_code == 200
    for kind in ("assignment_order", "entrustment_agreement", "opinion_reply"):
        assert f'data-testid="template-{kind}"' in body
    assert "系统内置模板" in body


def test_upload_then_reset(client, world):
    c = _as(client, world.center_admin)
    data = order_template()
    response = c.post(
        reverse("intake:document_templates"),
        {"kind": "assignment_order", "note": "新版式", "file": SimpleUploadedFile("派任单.docx", data)},
    )
    assert response.status_code == 302
    active = DocumentTemplate.objects.get(kind="assignment_order", is_active=True)
    assert active.note == "新版式"
    download = c.get(reverse("intake:document_template_download", args=["assignment_order"]))
    assert b"".join(download.streaming_content) == data
    assert c.post(reverse("intake:document_template_reset", args=["assignment_order"])).status_code == 302
    assert not DocumentTemplate.objects.filter(is_active=True).exists()


def test_a_template_missing_required_fields_is_refused_with_the_reason(client, world):
    c = _as(client, world.center_admin)
    bad = order_template(rows=[("项目", "{{ project_name }}")])
    response = c.post(
        reverse("intake:document_templates"),
        {"kind": "assignment_order", "file": SimpleUploadedFile("坏模板.docx", bad)},
    )
    assert response.status_code == 400
    assert "模板缺少必需的字段" in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_a_file_that_is_not_docx_is_refused(client, world):
    response = _as(client, world.center_admin).post(
        reverse("intake:document_templates"),
        {"kind": "opinion_reply", "file": SimpleUploadedFile("x.docx", b"not a word file")},
    )
    assert response.status_code == 400 and not DocumentTemplate.objects.exists()


@pytest.mark.parametrize("persona", ["officer_user", "guide", "applicant", "supervisor", "center_leader"])
def test_other_roles_see_no_page(client, world, persona):
    c = _as(client, world.persona(persona))
    assert c.get(reverse("intake:document_templates")).status_code == 404
    assert c.get(reverse("intake:document_template_download", args=["opinion_reply"])).status_code == 404
    assert c.post(reverse("intake:document_template_reset", args=["opinion_reply"])).status_code == 404


def test_the_page_explains_the_field_markers(client, world):
    body = _as(client, world.center_admin).get(reverse("intake:document_templates")).content.decode()
    assert "模板中用 {{ 字段名 }} 标记" in body
