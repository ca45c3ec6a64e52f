"""The portal reads the other apps' own figures and documents: the complaints' counts (both tracks summed,
numbers only), the assessment method in force with its earlier versions; the assessment's indicators
include the complaints' substantiated count."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from liaison.assessment.indicators import REGISTRY
from liaison.assessment.models import SubjectKind
from liaison.assessment.tests.support import WEIGHTS, published_method
from liaison.complaints.services import business as svc
from liaison.complaints.tests.support import SECRET_TEXT, lodge_business, lodge_integrity
from liaison.portal import statistics_data

pytestmark = pytest.mark.django_db


def test_the_public_complaint_counts_sum_both_tracks(case):
    w = case.world
    c = lodge_business(case).complaint
    svc.complaint_register(actor=w.center_admin, complaint_id=c.pk, investigator_id=w.center_admin.pk)
    svc.complaint_reply(
        actor=w.center_admin, complaint_id=c.pk, finding="partly", measures="整改", reply="答复"
    )
    lodge_business(case)
    lodge_integrity(case)
    assert statistics_data.complaint_counts() == {"received": 3, "concluded": 1}
    html = Client().get(reverse("portal:statistics")).content.decode()
    assert 'data-testid="complaints-table"' in html
    for private in (SECRET_TEXT, "王丽娟", "13888120002", "拖延两周"):  # counts only: no content, no person
        assert private not in html


def test_the_rules_page_lists_the_assessment_method_and_anyone_downloads_it(case):
    leader = case.world.center_leader
    first = published_method(leader)
    second = published_method(leader, WEIGHTS)
    html = Client().get(reverse("portal:rules")).content.decode()
    assert reverse("assessment:method_docx", args=[second.pk]) in html
    assert reverse("assessment:method_docx", args=[first.pk]) in html  # the superseded version stays readable
    response = Client().get(reverse("assessment:method_docx", args=[second.pk]))
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_a_draft_method_looks_missing_to_a_visitor(case):
    from liaison.assessment.services.methods import method_create

    draft = method_create(
        actor=case.world.center_leader, title="草稿办法", explanation="未发布。", weights=WEIGHTS
    )
    assert Client().get(reverse("assessment:method_docx", args=[draft.pk])).status_code == 404
    assert "草稿办法" not in Client().get(reverse("portal:rules")).content.decode()


def test_the_assessment_counts_substantiated_complaints_for_every_subject_kind():
    keys = set(REGISTRY)
    assert {f"{kind}.complaints" for kind in SubjectKind.values} <= keys
