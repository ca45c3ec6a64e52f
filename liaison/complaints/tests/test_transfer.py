"""Moving a misrouted complaint between tracks."""

from __future__ import annotations

import pytest

from liaison.complaints.crypto import unseal
from liaison.complaints.models import (
    BusinessState,
    Complaint,
    ComplaintStep,
    Cooperation,
    Evidence,
    IntegrityState,
    Transfer,
)
from liaison.complaints.selectors.complaints import access_business, transfer_lines
from liaison.complaints.services import business as svc
from liaison.complaints.services.integrity import integrity_register
from liaison.complaints.services.transfer import complaint_transfer
from liaison.complaints.tests.support import SECRET_NAME, SECRET_TEXT, lodge_business, lodge_integrity, pdf
from liaison.core.errors import NotFound, PermissionDenied

pytestmark = pytest.mark.django_db


def test_business_to_integrity_removes_the_centres_access_and_seals_the_content(case):
    w = case.world
    c = lodge_business(
        case, text="联络官暗示给好处费", confirm_track=True, files=[pdf("聊天记录.pdf")]
    ).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    svc.cooperation_request(
        actor=w.center_admin, complaint_id=c.pk, department_id=w.guide.department_id, request="请核实"
    )
    with pytest.raises(PermissionDenied):
        complaint_transfer(actor=w.center_leader, complaint_id=c.pk, track_from="business", reason="x")
    complaint_transfer(
        actor=w.center_admin, complaint_id=c.pk, track_from="business", reason="涉及索要好处费"
    )
    c = Complaint.objects.get(pk=c.pk)
    assert c.track == "integrity" and c.state == IntegrityState.RECEIVED
    assert c.text == "" and c.complainant_name == "" and c.complainant_user is None and c.investigator is None
    assert unseal(c.sealed)["text"] == "联络官暗示给好处费"
    assert Evidence.objects.get(complaint=c).name == ""
    assert not ComplaintStep.objects.filter(complaint=c).exists()
    assert not Cooperation.objects.filter(complaint=c).exists()
    with pytest.raises(NotFound):
        access_business(w.center_admin, c.pk)
    with pytest.raises(NotFound):
        access_business(w.applicant, c.pk)
    lines = transfer_lines()
    assert len(lines) == 1 and lines[0].moved


def test_integrity_to_business_reveals_the_identity_only_with_consent(case):
    w = case.world
    anonymous = lodge_integrity(case, text="态度恶劣，拖延不办").complaint
    named = lodge_integrity(
        case,
        anonymous=False,
        name=SECRET_NAME,
        phone="13912345678",
        identity_consent=True,
        actor=w.applicant,
        text="多次拖延",
    ).complaint
    refused = lodge_integrity(
        case, anonymous=False, name="李四", phone="13900000000", text=SECRET_TEXT
    ).complaint
    for c in (anonymous, named, refused):
        integrity_register(actor=w.supervisor, complaint_id=c.pk)
        complaint_transfer(
            actor=w.supervisor, complaint_id=c.pk, track_from="integrity", reason="属于业务问题"
        )
    anonymous, named, refused = (Complaint.objects.get(pk=c.pk) for c in (anonymous, named, refused))
    assert {c.track for c in (anonymous, named, refused)} == {"business"}
    assert all(
        c.state == BusinessState.RECEIVED and c.sealed == "" and c.reply_due
        for c in (anonymous, named, refused)
    )
    assert anonymous.text == "态度恶劣，拖延不办" and anonymous.complainant_name == ""
    assert named.complainant_name == SECRET_NAME and named.complainant_user == w.applicant
    assert refused.complainant_name == "" and refused.complainant_phone == "" and refused.text == SECRET_TEXT
    assert Evidence.objects.get(complaint=named).name == "转账记录.pdf"
    assert "转账记录" not in Evidence.objects.get(complaint=refused).name
    assert access_business(w.center_admin, named.pk).complainant == SECRET_NAME
    assert Transfer.objects.filter(to_track="business").count() == 3
    with pytest.raises(NotFound):
        complaint_transfer(
            actor=w.center_admin,
            complaint_id=lodge_integrity(case).complaint.pk,
            track_from="integrity",
            reason="x",
        )
