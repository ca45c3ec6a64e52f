"""Track segregation for every role on every page and endpoint: an integrity complaint is the supervisors'
alone (the centre, the department, the guide complained about, the officer, the project office and the
enterprise that lodged it get 404); a business complaint is the centre's, the cooperating department's,
the complainant's and the supervisors'."""

from __future__ import annotations

import pytest

from liaison.audit.models import PersonalDataView
from liaison.complaints.services import business as svc
from liaison.complaints.services.integrity import integrity_register, task_send
from liaison.complaints.tests.support import SECRET_TEXT, lodge_business, lodge_integrity

pytestmark = pytest.mark.django_db

PERSONAS = [
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide",
    "department_admin",
    "applicant",
    "other_applicant",
]
INTEGRITY_READERS = {"supervisor"}
BUSINESS_READERS = {"center_admin", "center_leader", "supervisor", "department_admin", "applicant"}


@pytest.fixture
def two(case):
    w = case.world
    business = lodge_business(case).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=business.pk, investigator_id=w.center_admin.pk)
    svc.cooperation_request(
        actor=w.center_admin, complaint_id=business.pk, department_id=w.guide.department_id, request="请核实"
    )
    integrity = lodge_integrity(case, actor=w.applicant).complaint
    evidence = integrity.evidence.get()
    return business, integrity, evidence


@pytest.mark.parametrize("persona", PERSONAS)
def test_integrity_pages_and_endpoints(client, case, two, persona):
    _business, c, evidence = two
    client.force_login(case.world.persona(persona))
    urls = [
        f"/complaints/integrity/{c.pk}/",
        f"/complaints/{c.pk}/",
        f"/complaints/{c.pk}/evidence/{evidence.pk}/",
        f"/api/v1/complaints/integrity/{c.pk}",
        f"/api/v1/complaints/complaints/{c.pk}",
    ]
    statuses = [client.get(u).status_code for u in urls]
    if persona in INTEGRITY_READERS:
        assert statuses == [200, 404, 200, 200, 404]
        assert SECRET_TEXT in client.get(urls[0]).content.decode()
    else:
        assert statuses == [404] * 5
    listing = client.get("/complaints/integrity/")
    api_list = client.get("/api/v1/complaints/integrity")
    if persona in INTEGRITY_READERS:
        assert listing.status_code == 200 and c.number in listing.content.decode()
        assert api_list.json()["count"] == 1
    else:
        assert listing.status_code == 404
        assert api_list.status_code == 200 and api_list.json()["count"] == 0
    posted = client.post(urls[0], {"action": "register"})
    api_posted = client.post(f"/api/v1/complaints/integrity/{c.pk}/register", content_type="application/json")
    if persona in INTEGRITY_READERS:
        assert posted.status_code == 302 and api_posted.status_code == 400  # already registered by the page
    else:
        assert posted.status_code == 404 and api_posted.status_code == 404
    business_list = client.get("/complaints/")
    if business_list.status_code == 200:
        assert (
            SECRET_TEXT not in business_list.content.decode()
            and c.number not in business_list.content.decode()
        )


@pytest.mark.parametrize("persona", PERSONAS)
def test_business_pages_and_endpoints(client, case, two, persona):
    c, _integrity, _evidence = two
    client.force_login(case.world.persona(persona))
    page = client.get(f"/complaints/{c.pk}/")
    api = client.get(f"/api/v1/complaints/complaints/{c.pk}")
    listing = client.get("/complaints/")
    if persona in BUSINESS_READERS:
        assert page.status_code == 200 and api.status_code == 200
        assert c.number in listing.content.decode()
    else:
        assert page.status_code == 404 and api.status_code == 404
        assert listing.status_code == 404 or c.number not in listing.content.decode()
    if persona != "center_admin":
        refused = client.post(f"/complaints/{c.pk}/", {"action": "transfer", "reason": "x"})
        assert refused.status_code in (400, 404)
        assert c.__class__.objects.get(pk=c.pk).track == "business"


def test_the_complainants_phone_is_masked_for_the_department_and_shown_to_the_centre_with_a_log(
    client, case, two
):
    c, _i, _e = two
    client.force_login(case.world.department_admin)
    page = client.get(f"/complaints/{c.pk}/").content.decode()
    assert "13888120002" not in page and "王丽娟" not in page
    assert not PersonalDataView.objects.exists()
    client.force_login(case.world.center_admin)
    assert "13888120002" in client.get(f"/complaints/{c.pk}/").content.decode()
    assert PersonalDataView.objects.filter(user=case.world.center_admin).exists()


def test_every_read_of_an_integrity_complaint_is_logged(client, case, two):
    _b, c, evidence = two
    client.force_login(case.world.supervisor)
    client.get(f"/complaints/integrity/{c.pk}/")
    client.get(f"/api/v1/complaints/integrity/{c.pk}")
    client.get(f"/complaints/{c.pk}/evidence/{evidence.pk}/")
    logged = PersonalDataView.objects.filter(user=case.world.supervisor)
    assert logged.count() == 3
    assert all(f"supervisor:complaint:{c.pk}" in row.subjects for row in logged)


def test_the_centre_sees_the_transfer_line_and_answers_a_task_without_the_content(client, case, two):
    w = case.world
    _b, c, _e = two
    from liaison.complaints.services.transfer import complaint_transfer

    moved = lodge_business(case, text="暗示要红包", confirm_track=True).complaint
    complaint_transfer(actor=w.center_admin, complaint_id=moved.pk, track_from="business", reason="廉政问题")
    integrity_register(actor=w.supervisor, complaint_id=c.pk)
    task = task_send(actor=w.supervisor, complaint_id=c.pk, request="请提供该指导员9月的值班表")
    client.force_login(w.center_admin)
    page = client.get("/complaints/").content.decode()
    assert 'data-testid="transfer-line"' in page and "暗示要红包" not in page and moved.number not in page
    assert client.get(f"/complaints/{moved.pk}/").status_code == 404
    task_page = client.get(f"/complaints/tasks/{task.pk}/").content.decode()
    assert "值班表" in task_page and SECRET_TEXT not in task_page and c.number not in task_page
    assert client.post(f"/complaints/tasks/{task.pk}/", {"answer": "值班表已提供"}).status_code == 302
    client.force_login(w.guide)
    assert client.get(f"/complaints/tasks/{task.pk}/").status_code == 404
    assert client.get("/api/v1/complaints/tasks").json()["count"] == 0
