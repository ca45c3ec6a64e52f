"""The enterprise's request: drafts saved and finished later, one live request per project, submission with Art. 8."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.catalogue.models import ApprovalItem
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
)
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    footprint,
    has_chinese,
    make_project,
    request_in,
    usd_rate,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(department, other_department):
    return [
        ApprovalItem.objects.create(
            code="DRC-001",
            name="企业投资项目备案",
            department=department,
            stage="approval_land",
            time_limit_days=3,
        ),
        ApprovalItem.objects.create(
            code="NRB-002",
            name="建设工程规划许可证核发",
            department=other_department,
            stage="construction_license",
            time_limit_days=10,
        ),
    ]


def test_a_draft_is_saved_and_finished_later(world, items):
    project = make_project(world.applicant)
    draft = entrustment_save_draft(
        actor=world.applicant, project=project, scope="partial", stages=["approval_land"], notes="先办立项"
    )
    assert draft.status == EntrustmentStatus.DRAFT
    assert draft.submitted_at is None

    finished = entrustment_save_draft(
        actor=world.applicant,
        project=project,
        scope="partial",
        item_ids=[items[1].pk],
        stages=["approval_land"],
        notes="补充规划许可",
        entrustment=draft,
    )
    submitted = entrustment_submit(actor=world.applicant, entrustment=finished, accept_terms=True)

    assert submitted.status == EntrustmentStatus.SUBMITTED
    assert submitted.stages == ["approval_land", "construction_license"]  # item's stage added, Art. 2 order
    assert list(submitted.items.values_list("code", flat=True)) == ["NRB-002"]
    assert AuditEvent.objects.filter(action="entrustment.update", object_id=str(draft.pk)).exists()


def test_a_full_entrustment_covers_all_four_stages(world):
    draft = entrustment_save_draft(actor=world.applicant, project=make_project(world.applicant), scope="full")
    assert draft.stages == ["approval_land", "construction_license", "construction_permit", "completion"]


@pytest.mark.parametrize(
    ("scope", "stages", "item_ids", "field"),
    [
        ("everything", [], [], "scope"),
        ("partial", [], [], "stages"),
        ("partial", ["moon_landing"], [], "stages"),
        ("partial", [], [999999], "items"),
        ("partial", [], ["not-a-number"], "items"),
    ],
    ids=["unknown-scope", "partial-with-nothing", "unknown-stage", "missing-item", "garbage-item"],
)
def test_a_bad_scope_is_refused_with_a_message_and_nothing_is_saved(world, scope, stages, item_ids, field):
    project = make_project(world.applicant)
    before = footprint()

    with pytest.raises(DomainError) as caught:
        entrustment_save_draft(
            actor=world.applicant, project=project, scope=scope, stages=stages, item_ids=item_ids
        )

    assert caught.value.field == field
    assert has_chinese(caught.value.message)
    assert footprint() == before


def test_an_inactive_item_cannot_be_entrusted(world, items):
    items[0].is_active = False
    items[0].save()
    with pytest.raises(DomainError, match="停用"):
        entrustment_save_draft(
            actor=world.applicant,
            project=make_project(world.applicant),
            scope="partial",
            item_ids=[items[0].pk],
        )


def test_only_the_projects_own_enterprise_may_open_a_request(world):
    project = make_project(world.applicant)
    with pytest.raises(NotFound):
        entrustment_save_draft(actor=world.other_applicant, project=project, scope="full")
    with pytest.raises(PermissionDenied, match="本项目单位"):
        entrustment_save_draft(actor=world.center_admin, project=project, scope="full")
    assert Entrustment.objects.count() == 0


def test_a_second_live_request_for_the_same_project_is_refused(world):
    project = make_project(world.applicant)
    request_in("submitted", applicant=world.applicant, admin=world.center_admin, project=project)
    before = footprint()

    with pytest.raises(DomainError, match="已有进行中的委托申请（待受理）"):
        entrustment_save_draft(actor=world.applicant, project=project, scope="full")

    assert footprint() == before


def test_a_new_request_may_follow_a_withdrawn_or_rejected_one(world):
    project = make_project(world.applicant)
    request_in("withdrawn", applicant=world.applicant, admin=world.center_admin, project=project)
    request_in("rejected", applicant=world.applicant, admin=world.center_admin, project=project)

    again = entrustment_save_draft(actor=world.applicant, project=project, scope="full")

    assert again.status == EntrustmentStatus.DRAFT
    assert project.entrustments.count() == 3


def test_the_database_itself_refuses_two_live_requests_for_one_project(world):
    from django.db import IntegrityError, transaction

    project = make_project(world.applicant)
    entrustment_save_draft(actor=world.applicant, project=project, scope="full")
    with pytest.raises(IntegrityError), transaction.atomic():
        Entrustment.objects.create(project=project, scope="full", created_by=world.applicant)


def test_submission_records_the_art8_result_with_its_clauses_and_rates(world):
    usd_rate(world.center_admin, "7.100000")
    project = make_project(
        world.applicant, investment_source="foreign", total_investment=Decimal("35500000.00")
    )
    draft = entrustment_save_draft(actor=world.applicant, project=project, scope="full")

    submitted = entrustment_submit(actor=world.applicant, entrustment=draft, accept_terms=True)

    stored = Entrustment.objects.get(pk=submitted.pk).eligibility
    assert stored["eligible"] is True
    assert stored["evaluated_on"] == timezone.localdate().isoformat()
    assert [c["clause"] for c in stored["clauses"]] == [1, 2, 3, 4]
    assert stored["clauses"][0]["met"] is True and "含本数" in stored["clauses"][0]["reason"]
    assert stored["rates"][0] == {
        "currency": "USD",
        "cny_per_unit": "7.100000",
        "effective_date": "2026-01-01",
        "source": "中国人民银行人民币汇率中间价",
    }
    assert submitted.terms_accepted_at is not None and submitted.submitted_at is not None


def test_the_result_stored_at_submission_keeps_the_rate_used_even_when_a_new_rate_comes_later(world):
    usd_rate(world.center_admin, "7.100000")
    project = make_project(
        world.applicant, investment_source="foreign", total_investment=Decimal("35500000.00")
    )
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin, project=project)

    usd_rate(world.center_admin, "7.300000", on=timezone.localdate())

    assert Entrustment.objects.get(pk=submitted.pk).eligibility["rates"][0]["cny_per_unit"] == "7.100000"


def test_an_ineligible_request_needs_a_reason_and_then_goes_to_the_centre_to_decide(world):
    project = make_project(world.applicant, total_investment=Decimal("19999999.99"))
    draft = entrustment_save_draft(actor=world.applicant, project=project, scope="full")
    before = footprint(draft)

    with pytest.raises(DomainError, match="请填写申请理由") as caught:
        entrustment_submit(actor=world.applicant, entrustment=draft, accept_terms=True)
    assert caught.value.field == "ineligible_reason"
    assert footprint(draft) == before

    submitted = entrustment_submit(
        actor=world.applicant, entrustment=draft, accept_terms=True, ineligible_reason="项目为区重点培育项目"
    )
    assert submitted.status == EntrustmentStatus.SUBMITTED
    assert submitted.ineligible_reason == "项目为区重点培育项目"
    assert submitted.eligibility["eligible"] is False


def test_an_eligible_request_does_not_keep_a_needless_reason(world):
    draft = entrustment_save_draft(actor=world.applicant, project=make_project(world.applicant), scope="full")
    submitted = entrustment_submit(
        actor=world.applicant, entrustment=draft, accept_terms=True, ineligible_reason="以防万一"
    )
    assert submitted.ineligible_reason == ""


def test_submission_without_accepting_the_free_and_voluntary_terms_is_refused(world):
    draft = entrustment_save_draft(actor=world.applicant, project=make_project(world.applicant), scope="full")
    before = footprint(draft)
    with pytest.raises(DomainError, match="无偿代办") as caught:
        entrustment_submit(actor=world.applicant, entrustment=draft, accept_terms=False)
    assert caught.value.field == "accept_terms"
    assert footprint(draft) == before


def test_submission_with_a_missing_rate_is_refused_and_nothing_changes(world):
    project = make_project(world.applicant, investment_source="foreign", currency="CNY")
    draft = entrustment_save_draft(actor=world.applicant, project=project, scope="full")
    before = footprint(draft)

    with pytest.raises(DomainError, match=r"缺少美元（USD）在 .* 或之前生效的汇率"):
        entrustment_submit(actor=world.applicant, entrustment=draft, accept_terms=True)

    assert footprint(draft) == before


def test_the_submission_date_decides_which_rate_is_recorded(world):
    usd_rate(world.center_admin, "7.000000", on=dt.date(2026, 1, 1))
    usd_rate(world.center_admin, "7.200000", on=timezone.localdate())
    project = make_project(
        world.applicant, investment_source="foreign", total_investment=Decimal("36000000.00")
    )
    submitted = request_in("submitted", applicant=world.applicant, admin=world.center_admin, project=project)
    assert submitted.eligibility["rates"][0]["cny_per_unit"] == "7.200000"
    assert submitted.eligibility["eligible"] is True
