from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from liaison.audit.services.verify import audit_chain_verify
from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.stages import Stage
from liaison.core.codes import validate_uscc
from liaison.directory.models import Department, Enterprise, User
from liaison.officers.models import Officer
from liaison.web.demo.accounts_doc import render
from liaison.web.demo.catalogue_data import department_admin_username, guide_username


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_demo_district_has_the_promised_size(demo):
    assert Department.objects.count() >= 12
    assert ApprovalItem.objects.count() >= 40
    stages = set(ApprovalItem.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert Officer.objects.count() == 6


def test_every_demo_item_has_exactly_one_active_guide_and_a_checklist(demo):
    for item in ApprovalItem.objects.prefetch_related("guide_assignments", "materials"):
        active = [a for a in item.guide_assignments.all() if a.is_active]
        assert len(active) == 1, item.code
        assert active[0].guide.department_id == item.department_id
        assert item.materials.exists(), item.code
        assert item.time_limit_days >= 1


def test_demo_enterprises_carry_valid_credit_codes_including_a_letter_first_one(demo):
    codes = list(Enterprise.objects.values_list("uscc", flat=True))
    assert codes
    for code in codes:
        assert validate_uscc(code) == code
    assert any(code[0].isalpha() for code in codes)


def test_demo_has_guide_history_and_a_pending_change(demo):
    assert GuideAssignment.objects.filter(is_active=False).exists()
    assert GuideChange.objects.filter(status=GuideChangeStatus.PROPOSED).count() == 1


def test_demo_accounts_sign_in_with_the_demo_password(demo, client):
    for username in [
        "center_admin",
        "center_leader",
        "officer1",
        "guide1",
        "dept_admin1",
        "applicant1",
        "project_office",
        "supervisor",
        "system_admin",
        "security_admin",
        "audit_admin",
    ]:
        assert User.objects.get(username=username).check_password("Liaison@2026"), username


def test_each_demo_administrator_holds_that_one_role_only(demo):
    for role in ("system_admin", "security_admin", "audit_admin"):
        assert User.objects.get(username=role).role_set == {role}


def test_demo_records_are_marked_as_sample_data(demo):
    assert not Department.objects.filter(is_sample=False).exists()
    assert not ApprovalItem.objects.filter(is_sample=False).exists()


def test_demo_is_built_through_audited_services(demo):
    report = audit_chain_verify()
    assert report.ok
    assert report.checked > 100


def test_load_demo_refuses_a_database_with_data_but_if_empty_is_quiet(demo):
    with pytest.raises(CommandError):
        call_command("load_demo")
    call_command("load_demo", "--if-empty")
    assert Department.objects.count() == len(set(Department.objects.values_list("code", flat=True)))


def test_demo_has_requests_in_every_state_and_dispatched_projects(demo):
    from liaison.intake.models import Assignment, Entrustment, EntrustmentStatus, Project

    states = set(Entrustment.objects.values_list("status", flat=True))
    assert states == set(EntrustmentStatus.values)
    # three served by intake's demo, five more brought to their end by closure's
    assert Assignment.objects.filter(is_active=True, role="lead").count() == 3 + 5
    numbers = sorted(Project.objects.exclude(service_number=None).values_list("service_number", flat=True))
    assert len(numbers) == 3 + 5
    assert [n.rsplit("-", 1)[1] for n in numbers] == [f"{n:04d}" for n in range(1, 9)]


def test_demo_has_services_in_every_end_state(demo):
    from liaison.closure.models import Service

    states = sorted(Service.objects.values_list("state", flat=True))
    assert states == ["completed", "completion_prepared", "terminated", "terminated", "termination_requested"]
    completed = Service.objects.get(state="completed")
    assert completed.handover_lines.filter(handed_over=False).exclude(not_handed_reason="").exists()
    register = dict(completed.project.custody_entries.values_list("name", "state"))
    assert register == {"国有土地使用证（原件）": "handed_over", "营业执照（复印件）": "held"}
    land = completed.project.custody_entries.get(state="handed_over")
    assert list(land.movements.values_list("name", flat=True)) == [
        "receive",
        "lend",
        "give_back",
        "hand_over",
    ]
    reasons = set(Service.objects.filter(state="terminated").values_list("termination_reason", flat=True))
    assert reasons == {"enterprise_request", "conditions_lacking"}


def test_demo_includes_the_art8_boundary_cases(demo):
    from liaison.intake.models import Entrustment

    exact = Entrustment.objects.get(project__name="星城人才公寓")
    assert exact.eligibility["eligible"] is True
    below = Entrustment.objects.get(project__name="智造厂房改造")
    assert below.eligibility["eligible"] is False
    usd = Entrustment.objects.get(project__name="翠湖智造研发中心")
    assert usd.eligibility["clauses"][0]["met"] is True


def test_the_demo_accounts_page_says_who_serves_which_item(demo):
    """docs/demo-accounts.md is what the demo data says, and the demo does what the page says."""
    committed = (Path(settings.BASE_DIR) / "docs" / "demo-accounts.md").read_text(encoding="utf-8")
    assert committed == render(), (
        "regenerate: .venv/bin/python -m liaison.web.demo.accounts_doc > docs/demo-accounts.md"
    )
    for item in ApprovalItem.objects.prefetch_related("guide_assignments__guide"):
        first = min(item.guide_assignments.all(), key=lambda a: a.pk)
        assert first.guide.username == guide_username(item.code), item.code
        active = next(a for a in item.guide_assignments.all() if a.is_active)
        assert active.guide.username == {"NRP-004": "guide_nrp_new"}.get(item.code, guide_username(item.code))
    proposed = GuideChange.objects.get(status=GuideChangeStatus.PROPOSED)
    assert (proposed.new_guide.username, proposed.item.code) == ("guide_hcd_new", "HCD-005")
    for department in Department.objects.all():
        admin = User.objects.get(username=department_admin_username(department.code))
        assert admin.department_id == department.pk
