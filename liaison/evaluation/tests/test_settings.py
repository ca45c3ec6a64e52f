"""The centre keeps the evaluation periods, the bad-review reasons and the survey questions; bad input is
refused with the field's name and nothing is saved; other roles do not find the page."""

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError, NotFound
from liaison.evaluation.models import BadReviewReason, SurveyQuestion
from liaison.evaluation.services.settings import (
    bad_review_reason_add,
    bad_review_reason_toggle,
    evaluation_settings_update,
    survey_question_add,
)
from liaison.evaluation.settings_row import evaluation_settings

pytestmark = pytest.mark.django_db


def test_the_centre_changes_the_periods_and_a_bad_value_saves_nothing(case):
    admin = case.world.center_admin
    evaluation_settings_update(actor=admin, values={"rectify_days": "20", "verify_days": "2"})
    row = evaluation_settings()
    assert (row.rectify_days, row.verify_days) == (20, 2)
    with pytest.raises(DomainError, match="差评整改期限"):
        evaluation_settings_update(actor=admin, values={"verify_days": "4", "rectify_days": "999"})
    with pytest.raises(DomainError, match="整数"):
        evaluation_settings_update(actor=admin, values={"verify_days": "abc"})
    row = evaluation_settings()
    assert (row.rectify_days, row.verify_days) == (20, 2)


def test_reasons_and_questions_are_added_once_and_disabled_not_deleted(case):
    admin = case.world.center_admin
    reason = bad_review_reason_add(actor=admin, name="未按承诺时限答复")
    with pytest.raises(DomainError, match="已存在"):
        bad_review_reason_add(actor=admin, name="未按承诺时限答复")
    bad_review_reason_toggle(actor=admin, reason_id=reason.pk)
    assert BadReviewReason.objects.get(pk=reason.pk).is_active is False
    survey_question_add(actor=admin, text="材料清单是否清楚", target="guide")
    with pytest.raises(DomainError, match="测评对象"):
        survey_question_add(actor=admin, text="另一个问题", target="nobody")
    assert SurveyQuestion.objects.filter(text="另一个问题").count() == 0


@pytest.mark.parametrize("persona", ["center_leader", "supervisor", "officer_user", "applicant"])
def test_only_the_centre_staff_edit_the_lists(case, persona):
    with pytest.raises(NotFound):
        bad_review_reason_add(actor=getattr(case.world, persona), name="某原因")
    assert not BadReviewReason.objects.filter(name="某原因").exists()


def test_the_settings_page_saves_and_refuses_on_the_page(client, case):
    client.force_login(case.world.center_admin)
    assert client.post("/evaluation/settings/", {"action": "reason_add", "name": "新原因"}).status_code == 302
    refused = client.post("/evaluation/settings/", {"action": "reason_add", "name": ""})
    assert refused.status_code == 400 and "差评原因" in refused.content.decode()
    assert "新原因" in client.get("/evaluation/settings/").content.decode()
