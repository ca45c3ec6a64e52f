"""Materials: every upload a new version checked by content, reviewed by the item's guide, downloads guarded."""

from __future__ import annotations

import hashlib

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.tests.test_services_support import register_enterprise
from liaison.notifications.models import Notification
from liaison.tracking.models import EnterpriseObligation, MaterialFile
from liaison.tracking.selectors.materials import access_material_file, material_list
from liaison.tracking.services.materials import (
    material_accept,
    material_file_upload,
    material_request_revision,
)
from liaison.tracking.services.project_items import project_item_prepare
from liaison.tracking.tests.builders import PDF, PNG, draft, item_of, pdf
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(track):
    draft(track.world, track.project, START)
    item = item_of(track.project, "A")
    project_item_prepare(actor=track.world.officer_user, project_item=item)
    return item.materials.get(seq=1)


def test_every_upload_is_a_new_version_and_nothing_is_overwritten(track, form):
    w = track.world
    first = material_file_upload(actor=w.applicant, submission=form, upload=pdf("申请表.pdf"))
    second_content = PDF + b"% revised\n"
    second = material_file_upload(
        actor=w.officer_user, submission=form, upload=pdf("申请表.pdf", second_content), note="重新盖章"
    )

    assert [f.version for f in MaterialFile.objects.filter(submission=form).order_by("version")] == [1, 2]
    assert first.file.name != second.file.name
    with first.file.open("rb") as handle:
        assert handle.read() == PDF
    assert (second.sha256, second.size) == (hashlib.sha256(second_content).hexdigest(), len(second_content))
    assert (first.uploaded_by, second.uploaded_by) == (w.applicant, w.officer_user)
    assert (second.original_name, second.content_type, second.note) == (
        "申请表.pdf",
        "application/pdf",
        "重新盖章",
    )
    form.refresh_from_db()
    assert (form.status, form.file_count) == ("provided", 2)
    event = AuditEvent.objects.filter(action="material.upload").order_by("seq").last()
    assert event.changes["diff"]["sha256"][1] == second.sha256


def test_an_image_is_accepted_for_what_it_is(track, form):
    record = material_file_upload(actor=track.world.applicant, submission=form, upload=pdf("scan.png", PNG))
    assert record.content_type == "image/png" and record.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a pdf", "文件类型不符合要求"), (b"", "文件为空")],
    ids=["renamed-text", "empty"],
)
def test_a_file_is_checked_by_its_content_not_its_name(track, form, content, message):
    with pytest.raises(DomainError, match=message) as caught:
        material_file_upload(actor=track.world.applicant, submission=form, upload=pdf("伪装.pdf", content))
    assert caught.value.field == "file"
    assert not MaterialFile.objects.exists()
    form.refresh_from_db()
    assert form.status == "missing"


def test_an_oversized_file_is_refused(track, form, settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(DomainError, match="超过上限"):
        material_file_upload(actor=track.world.applicant, submission=form, upload=pdf())
    assert not MaterialFile.objects.exists()


def test_the_guide_accepts_the_latest_version(track, form):
    w = track.world
    material_file_upload(actor=w.applicant, submission=form, upload=pdf())
    latest = material_file_upload(actor=w.applicant, submission=form, upload=pdf())

    assert material_accept(actor=w.guide, submission=form).status == "accepted"
    latest.refresh_from_db()
    assert (latest.review_status, latest.reviewed_by) == ("accepted", w.guide)
    assert MaterialFile.objects.get(submission=form, version=1).review_status == ""


def test_a_revision_request_gives_the_reason_a_dated_to_do_and_a_notice_and_a_new_upload_clears_it(
    track, form
):
    w = track.world
    first = material_file_upload(actor=w.applicant, submission=form, upload=pdf())
    material_request_revision(actor=w.guide, submission=form, reason="缺少法定代表人签字")

    form.refresh_from_db()
    assert (form.status, form.revision_reason) == ("needs_revision", "缺少法定代表人签字")
    todo = EnterpriseObligation.objects.get(submission=form)
    assert (todo.kind, todo.done) == ("revision", False)
    note = Notification.objects.get(recipient=w.applicant, kind="material.revision")
    assert "缺少法定代表人签字" in note.body
    assert Notification.objects.filter(recipient=w.officer_user, kind="material.revision").exists()

    material_file_upload(actor=w.applicant, submission=form, upload=pdf())
    form.refresh_from_db()
    todo.refresh_from_db()
    first.refresh_from_db()
    assert (form.status, form.revision_reason, todo.done) == ("provided", "", True)
    assert first.review_reason == "缺少法定代表人签字"  # the history keeps why version 1 was sent back


def test_nothing_to_review_before_an_upload(track, form):
    with pytest.raises(DomainError, match="尚未上传"):
        material_accept(actor=track.world.guide, submission=form)


def test_a_revision_needs_its_reason(track, form):
    material_file_upload(actor=track.world.applicant, submission=form, upload=pdf())
    with pytest.raises(DomainError) as caught:
        material_request_revision(actor=track.world.guide, submission=form, reason="")
    assert caught.value.field == "reason"


def test_who_may_upload_and_review(track, form, second_guide):
    w = track.world
    stranger = register_enterprise("别家公司")
    for actor in (w.guide, w.supervisor, w.center_admin):
        with pytest.raises(PermissionDenied):
            material_file_upload(actor=actor, submission=form, upload=pdf())
    for actor in (stranger, second_guide, track.other_officer.user):
        with pytest.raises(NotFound):
            material_file_upload(actor=actor, submission=form, upload=pdf())
    material_file_upload(actor=w.applicant, submission=form, upload=pdf())
    for actor in (w.officer_user, w.applicant, w.center_admin):
        with pytest.raises(PermissionDenied):
            material_accept(actor=actor, submission=form)
    with pytest.raises(NotFound):
        material_accept(actor=second_guide, submission=form)
    assert MaterialFile.objects.count() == 1


def test_a_closed_item_takes_no_more_uploads(track, form):
    from liaison.tracking.services.project_items import project_item_withdraw

    project_item_withdraw(actor=track.world.officer_user, project_item=form.project_item, reason="不再办理")
    with pytest.raises(PermissionDenied):
        material_file_upload(actor=track.world.applicant, submission=form, upload=pdf())


def test_downloads_are_for_those_who_may_see_the_item(track, form, second_guide):
    w = track.world
    record = material_file_upload(actor=w.applicant, submission=form, upload=pdf())
    for actor in (w.applicant, w.officer_user, w.guide, w.supervisor, w.center_admin):
        assert access_material_file(actor, record.pk) == record
    for actor in (register_enterprise("别家公司"), second_guide, track.other_officer.user):
        with pytest.raises(NotFound):
            access_material_file(actor, record.pk)
    with pytest.raises(NotFound):
        access_material_file(w.applicant, record.pk + 999)


def test_the_checklist_lists_every_version_newest_first(track, form, django_assert_max_num_queries):
    for _n in range(3):
        material_file_upload(actor=track.world.applicant, submission=form, upload=pdf())
    with django_assert_max_num_queries(2):
        rows = material_list(project_item=form.project_item)
        assert [f.version for f in rows[0].versions] == [3, 2, 1]
        assert rows[0].versions[0].uploaded_by.username == track.world.applicant.username
